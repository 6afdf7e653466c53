namespace ClientSemantics.Caching;

/// <summary>What to do with a stored entry for a request.</summary>
internal enum CacheAction
{
    /// <summary>Answer from the store: the entry is fresh enough for this request.</summary>
    Fresh,

    /// <summary>Answer from the store although stale: the request's max-stale accepts it.</summary>
    StaleAccepted,

    /// <summary>Answer stale now and revalidate in the background (RFC 5861 stale-while-revalidate).</summary>
    StaleWhileRevalidate,

    /// <summary>Send a conditional request with the entry's validators (RFC 9111 4.3.1).</summary>
    Validate,

    /// <summary>The entry cannot be used or validated: send the request unconditionally.</summary>
    Fetch,
}

internal readonly record struct CacheDecision(CacheAction Action, TimeSpan Age, string Reason);

/// <summary>
/// RFC 9111 4.2 and 4.3 as a pure function of the request's directives, the entry, the time and the options:
/// no I/O, no clock, no logging, so it is tested as a table.
/// </summary>
internal static class CacheDecider
{
    public static CacheDecision Decide(in RequestDirectives request, CacheEntryFacts entry, DateTimeOffset now, CacheOptions options)
    {
        var age = entry.CurrentAge(now);
        var lifetime = entry.FreshnessLifetime(options);
        var fresh = lifetime > age;

        // RFC 8246 2: a fresh immutable response is not revalidated, even on a reload.
        if (fresh && entry.Immutable)
        {
            return new(CacheAction.Fresh, age, "The stored response is fresh and immutable.");
        }

        if (entry.NoCache || request.NoCache)
        {
            return Validation(entry, age, entry.NoCache ? "The stored response says no-cache: it must be validated before use." : "The request says no-cache.");
        }

        if (request.MaxAge is TimeSpan maxAge && age > maxAge)
        {
            return Validation(entry, age, "The stored response is older than the request's max-age.");
        }

        if (fresh)
        {
            // RFC 9111 5.2.1.3: min-fresh asks for at least that much freshness left.
            return request.MinFresh is TimeSpan minFresh && lifetime - age < minFresh
                ? Validation(entry, age, "The stored response is fresh for less than the request's min-fresh.")
                : new(CacheAction.Fresh, age, "The stored response is fresh.");
        }

        // RFC 9111 5.2.2.2: must-revalidate forbids serving a stale response in any circumstance.
        var staleness = age - lifetime;
        if (!entry.MustRevalidate && request.MaxStale is TimeSpan maxStale && staleness <= maxStale)
        {
            return new(CacheAction.StaleAccepted, age, "The stored response is stale within the request's max-stale.");
        }

        if (!entry.MustRevalidate && entry.HasValidator && entry.StaleWhileRevalidate is TimeSpan swr && staleness <= swr)
        {
            return new(CacheAction.StaleWhileRevalidate, age, "The stored response is stale within stale-while-revalidate.");
        }

        return Validation(entry, age, "The stored response is stale.");
    }

    /// <summary>RFC 5861 4: stale-if-error lets a stale response answer when the origin fails or answers 500-504.</summary>
    public static bool CanServeStaleOnError(CacheEntryFacts entry, DateTimeOffset now, CacheOptions options) =>
        !entry.MustRevalidate && !entry.NoCache && entry.StaleIfError is TimeSpan window
        && entry.CurrentAge(now) - entry.FreshnessLifetime(options) <= window;

    private static CacheDecision Validation(CacheEntryFacts entry, TimeSpan age, string reason) =>
        entry.HasValidator
            ? new(CacheAction.Validate, age, reason)
            : new(CacheAction.Fetch, age, reason + " It has no validator, so it is fetched again.");
}
