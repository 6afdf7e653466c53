using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ClientSemantics.DependencyInjection;

/// <summary>
/// Turns off the primary handler's own redirect following, so that our redirect handler sees every 3xx.
/// PostConfigure runs after any ConfigurePrimaryHttpMessageHandler the user adds, whatever the call order.
/// </summary>
internal static class PrimaryHandlerConfigurator
{
    public static void Add(IServiceCollection services, string name)
    {
        services.AddOptions<HttpClientFactoryOptions>(name)
            .PostConfigure<IOptionsMonitor<StatusSemanticsOptions>>((factoryOptions, semantics) =>
                factoryOptions.HttpMessageHandlerBuilderActions.Add(b => Configure(b.PrimaryHandler, name, semantics.Get(name))));

        // Start-up check: build the client's handler once, so that a primary handler we cannot configure fails
        // when the host starts, not on the first request.
        // It checks an options type of its own: building the handler reads StatusSemanticsOptions, and validating
        // those while they are being created would re-enter the options cache.
        services.AddOptions<PrimaryHandlerCheck>(name)
            .Validate<IHttpMessageHandlerFactory>(
                (_, factory) => factory.CreateHandler(name) is not null,
                "unreachable: a failure throws with its own message")
            .ValidateOnStart();
    }

    /// <summary>Nothing to hold: it exists so that the start-up check runs once per client name.</summary>
    internal sealed class PrimaryHandlerCheck;

    internal static void Configure(HttpMessageHandler primary, string name, StatusSemanticsOptions options)
    {
        switch (primary)
        {
            // Match by type, never cast blindly: the default primary is SocketsHttpHandler.
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
            case DelegatingHandler { InnerHandler: { } inner }:
                Configure(inner, name, options);
                break;
            default:
                if (!options.Redirects.AllowUnknownPrimaryHandler)
                {
                    throw new InvalidOperationException(
                        $"ClientSemantics cannot turn off automatic redirects on the primary handler '{primary.GetType().FullName}' of client '{name}'. " +
                        "Use SocketsHttpHandler or HttpClientHandler as the primary handler, or, if this handler never follows redirects itself, " +
                        "set StatusSemanticsOptions.Redirects.AllowUnknownPrimaryHandler = true.");
                }

                break;
        }
    }
}
