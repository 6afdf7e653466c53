using ClientSemantics.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientSemantics.RetryAfter;

/// <summary>Registers the per-client state of this obligation and creates its handler.</summary>
internal static class RetryAfterServices
{
    private const string ResilienceHandlerType = "Microsoft.Extensions.Http.Resilience.ResilienceHandler";

    public static void Add(IServiceCollection services, string name)
    {
        // Keyed by client name: pauses and budgets outlive handler rotation and are never shared between clients.
        services.TryAddKeyedSingleton<IOriginPauseStore>(name, static (sp, _) => new InMemoryOriginPauseStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton(name, static (sp, key) =>
        {
            var clientName = (string)key!;
            return new RetryAfterPipeline(
                clientName,
                sp.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>().Get(clientName).RetryAfter,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredKeyedService<IOriginPauseStore>(clientName),
                sp.GetRequiredService<ClientSemanticsMetrics>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("ClientSemantics.RetryAfter"))
            {
                ClientTimeout = ClientTimeout.Read(sp.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>(), clientName),
            };
        });

        // PostConfigure runs after every handler the user adds, whatever the call order, so the whole list is known:
        // with a ResilienceHandler anywhere in the client, two retry layers would multiply attempts.
        services.AddOptions<HttpClientFactoryOptions>(name).PostConfigure(options =>
            options.HttpMessageHandlerBuilderActions.Add(builder =>
            {
                var other = builder.AdditionalHandlers.Any(IsResilienceHandler);
                foreach (var ours in builder.AdditionalHandlers.OfType<RetryAfterHandler>())
                {
                    ours.OtherRetryLayer = other;
                }
            }));
    }

    public static DelegatingHandler CreateHandler(IServiceProvider services, string name) =>
        new RetryAfterHandler(services.GetRequiredKeyedService<RetryAfterPipeline>(name));

    /// <summary>Matched by name: the library does not reference Microsoft.Extensions.Http.Resilience.</summary>
    private static bool IsResilienceHandler(DelegatingHandler handler)
    {
        for (var type = handler.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName == ResilienceHandlerType)
            {
                return true;
            }
        }

        return false;
    }
}
