namespace ClientSemantics;

/// <summary>Options for the private revalidating cache (RFC 9111).</summary>
public sealed class CacheOptions
{
    /// <summary>Whether responses are cached.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>The most bytes (bodies plus an estimate of headers) the in-memory store keeps; least recently used entries go first.</summary>
    /// <value>64 MiB.</value>
    public long MaxSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The largest single response that is stored; a larger body streams through to the caller unbuffered.</summary>
    /// <value>8 MiB.</value>
    public long MaxEntryBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>The longest heuristic freshness (10% of the time since Last-Modified, RFC 9111 4.2.2) the cache grants.</summary>
    /// <value>1 day.</value>
    public TimeSpan HeuristicFreshnessCap { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a 410 Gone without explicit freshness (no max-age, no Expires) is reused before the origin is asked
    /// again; at most <see cref="HeuristicFreshnessCap"/>. <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    /// <remarks>
    /// RFC 9110 15.5.11 calls 410 heuristically cacheable and RFC 9111 4.2.2 lets a cache give such a response a
    /// heuristic lifetime: "gone" is meant to be permanent, so repeated calls need not reach the origin.
    /// </remarks>
    /// <value>10 minutes.</value>
    public TimeSpan GoneHeuristicLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether PUT, PATCH and DELETE to a URI with a stored response carry <c>If-Match</c> (its strong ETag) or else
    /// <c>If-Unmodified-Since</c> (its Last-Modified), so that a lost update is answered 412 Precondition Failed
    /// instead of silently overwriting another writer's change (RFC 9110 13.1.1, 13.1.4). A precondition the caller
    /// set is never replaced; a 412 invalidates the stored response and is not retried.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool ConditionalWrites { get; set; }

    /// <summary>
    /// A secret that keys the hashes of credentials (<c>Authorization</c>, <c>Cookie</c>, <c>Proxy-Authorization</c>)
    /// in the cache's variant keys (HMAC-SHA256), so that a copy of the store (a Redis dump) does not let anyone test
    /// guessed passwords against them. Instances that share a store must use the same value. When unset, the in-memory
    /// store keys them with a random secret made at start-up, and any other store hashes them with plain SHA-256, so
    /// that instances sharing it still agree.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public string? CredentialHashKey { get; set; }

    internal void AddValidationFailures(ICollection<string> failures)
    {
        if (MaxSizeBytes <= 0)
        {
            failures.Add($"Cache.MaxSizeBytes must be positive (was {MaxSizeBytes}).");
        }

        if (MaxEntryBytes <= 0 || MaxEntryBytes > MaxSizeBytes)
        {
            failures.Add($"Cache.MaxEntryBytes must be positive and at most Cache.MaxSizeBytes (was {MaxEntryBytes}).");
        }

        if (HeuristicFreshnessCap < TimeSpan.Zero)
        {
            failures.Add($"Cache.HeuristicFreshnessCap must not be negative (was {HeuristicFreshnessCap}).");
        }

        if (GoneHeuristicLifetime < TimeSpan.Zero)
        {
            failures.Add($"Cache.GoneHeuristicLifetime must not be negative (was {GoneHeuristicLifetime}).");
        }
    }
}
