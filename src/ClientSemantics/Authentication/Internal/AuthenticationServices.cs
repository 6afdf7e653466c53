using ClientSemantics.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientSemantics.Authentication;

/// <summary>Registers the per-client state of this obligation and creates its handler.</summary>
internal static class AuthenticationServices
{
    public static void Add(IServiceCollection services, string name)
    {
        services.TryAddKeyedSingleton(name, (_, _) => new AuthenticationState());

        // The 407 of an https tunnel (CONNECT) never reaches a DelegatingHandler, so the primary handler's proxy gets
        // the same proxy credentials. PostConfigure runs after the user's ConfigurePrimaryHttpMessageHandler.
        services.AddOptions<HttpClientFactoryOptions>(name)
            .PostConfigure<IOptionsMonitor<StatusSemanticsOptions>>((factoryOptions, semantics) =>
                factoryOptions.HttpMessageHandlerBuilderActions.Add(b => ProxyConfigurator.Configure(
                    b.PrimaryHandler,
                    semantics.Get(name).Authentication,
                    b.Services.GetRequiredKeyedService<AuthenticationState>(name))));
    }

    public static DelegatingHandler CreateHandler(IServiceProvider services, string name) =>
        new AuthenticationHandler(
            name,
            services.GetRequiredKeyedService<AuthenticationState>(name),
            services.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>(),
            services.GetRequiredService<ClientSemanticsMetrics>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<AuthenticationHandler>());
}
