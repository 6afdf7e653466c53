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
    }
}
