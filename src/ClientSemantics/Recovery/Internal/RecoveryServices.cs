using ClientSemantics.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientSemantics.Recovery;

/// <summary>Registers the per-client state of this obligation and creates its handler.</summary>
internal static class RecoveryServices
{
    public static void Add(IServiceCollection services, string name)
    {
        // Nothing per client: a repeat is decided from the one request and response in hand.
    }

    public static DelegatingHandler CreateHandler(IServiceProvider services, string name) =>
        new RecoveryHandler(
            name,
            services.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>().Get(name).Recovery ?? new RecoveryOptions(),
            services.GetRequiredService<ClientSemanticsMetrics>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("ClientSemantics.Recovery"));
}
