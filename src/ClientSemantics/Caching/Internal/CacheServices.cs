using ClientSemantics.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientSemantics.Caching;

/// <summary>Registers the per-client state of this obligation and creates its handler.</summary>
internal static class CacheServices
{
    public static void Add(IServiceCollection services, string name)
    {
        // The store and the in-flight requests are singletons per client name: they outlive handler rotation.
        // A user may register their own IResponseCacheStore under the client name first (TryAdd keeps theirs).
        services.TryAddKeyedSingleton<IResponseCacheStore>(name, (sp, _) =>
            new MemoryResponseCacheStore(sp.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>().Get(name).Cache.MaxSizeBytes));
        services.TryAddKeyedSingleton(name, (_, _) => new RequestCoalescer());
        // Made once per client name, like the store it goes with: a random key must outlive handler rotation.
        services.TryAddKeyedSingleton(name, (sp, _) => new CredentialHashKey(CacheKeys.HashKey(
            sp.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>().Get(name).Cache,
            sp.GetRequiredKeyedService<IResponseCacheStore>(name))));
    }

    public static DelegatingHandler CreateHandler(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>().Get(name).Cache;
        return new CacheHandler(
            new CacheContext(
                name,
                options,
                services.GetRequiredKeyedService<IResponseCacheStore>(name),
                services.GetRequiredKeyedService<CredentialHashKey>(name).Value,
                services.GetRequiredKeyedService<RequestCoalescer>(name),
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ClientSemanticsMetrics>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("ClientSemantics.Caching")));
    }
}

/// <summary>What one cache handler works with; shared state lives in the keyed singletons it points to.</summary>
internal sealed record CacheContext(
    string ClientName,
    CacheOptions Options,
    IResponseCacheStore Store,
    byte[]? CredentialHashKey,
    RequestCoalescer Coalescer,
    TimeProvider Time,
    ClientSemanticsMetrics Metrics,
    Microsoft.Extensions.Logging.ILogger Logger);

/// <summary>The key of a client's credential hashes (see <see cref="CacheKeys.HashKey"/>), a keyed singleton.</summary>
internal sealed record CredentialHashKey(byte[]? Value);
