namespace ClientSemantics;

/// <summary>
/// Where the cache keeps responses. One key (the request URI) holds every variant stored for it: variants differ by
/// <see cref="CachedResponse.VariantKey"/> (the credentials partition and the values of the headers named by
/// <c>Vary</c>). Keys and variant keys never contain a credential in clear. The in-memory store is the default;
/// an out-of-process store (a hash per key, a field per variant) fits behind the same three calls.
/// </summary>
public interface IResponseCacheStore
{
    /// <summary>Every variant stored under <paramref name="key"/>; empty when there is none. Counts as a use for eviction.</summary>
    ValueTask<IReadOnlyList<CachedResponse>> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="response"/> under <paramref name="key"/>, replacing the variant with the same <see cref="CachedResponse.VariantKey"/>.</summary>
    ValueTask SetAsync(string key, CachedResponse response, CancellationToken cancellationToken);

    /// <summary>Removes every variant stored under <paramref name="key"/>.</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);
}
