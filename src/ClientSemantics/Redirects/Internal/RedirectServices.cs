using ClientSemantics.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientSemantics.Redirects;

/// <summary>Registers the per-client state of this obligation and creates its handler.</summary>
internal static class RedirectServices
{
    /// <summary>
    /// The permanent-redirect memory is a keyed singleton per client name: IHttpClientFactory rebuilds handlers every
    /// HandlerLifetime, and a memory kept in the handler would be lost with it. A store the user registers under the
    /// same key (before or after this call) wins: the last registration is the one resolved.
    /// </summary>
    public static void Add(IServiceCollection services, string name) =>
        services.TryAddKeyedSingleton<IPermanentRedirectStore>(name, static (sp, key) =>
            new InMemoryPermanentRedirectStore(
                sp.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>().Get((string)key!).Redirects.PermanentRedirectCapacity));

    public static DelegatingHandler CreateHandler(IServiceProvider services, string name)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ClientSemantics.Redirects");
        var memory = new PermanentRedirectMemory(
            services.GetRequiredKeyedService<IPermanentRedirectStore>(name),
            services.GetRequiredService<TimeProvider>(),
            logger);
        return new RedirectHandler(
            name,
            services.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>(),
            memory,
            services.GetRequiredService<ClientSemanticsMetrics>(),
            logger);
    }
}
