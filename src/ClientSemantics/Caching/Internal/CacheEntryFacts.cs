using System.Globalization;
using System.Net.Http.Headers;
using ClientSemantics.Http;

namespace ClientSemantics.Caching;

/// <summary>
/// Everything the decider and the hit path need from a <see cref="CachedResponse"/>, parsed once when the entry is
/// first used: a hit then only reads fields and copies the precomputed header arrays.
/// </summary>
internal sealed class CacheEntryFacts
{
    // Rough per-field overhead of a header in memory, so that many tiny entries still count against the bound.
    private const int HeaderOverhead = 32;

    public CacheEntryFacts(CachedResponse entry)
    {
        // Built for every stored entry and every 304 merge: plain loops, one pass per list, no intermediate arrays.
        Headers = WithoutAge(entry.Headers);
        ContentHeaders = [.. entry.ContentHeaders];
        Size = entry.Body.Length + 256 + HeaderBytes(entry.Headers) + HeaderBytes(entry.ContentHeaders);

        // .NET files Expires and Last-Modified under content headers: both lists are read.
        var all = new HeaderLists(entry.Headers, entry.ContentHeaders);
        var cacheControl = CacheControlDirectives.Parse(all.Joined("Cache-Control"));
        NoCache = cacheControl?.NoCache == true;
        MustRevalidate = cacheControl?.MustRevalidate == true;
        Immutable = CacheControlDirectives.Has(cacheControl, "immutable");
        StaleWhileRevalidate = CacheControlDirectives.Seconds(cacheControl, "stale-while-revalidate");
        StaleIfError = CacheControlDirectives.Seconds(cacheControl, "stale-if-error");
        ETag = all.First("ETag");
        LastModified = all.First("Last-Modified");
        VaryNames = (all.Joined("Vary") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // RFC 9111 4.2.3: age arithmetic. Without a Date, the response time stands in for it.
        var date = HttpDate.TryParse(all.First("Date"), out var d) ? d : entry.ResponseTime;
        var ageValue = long.TryParse(all.First("Age"), NumberStyles.None, CultureInfo.InvariantCulture, out var age)
            ? TimeSpan.FromSeconds(Math.Min(age, int.MaxValue))
            : TimeSpan.Zero;
        CorrectedInitialAge = CacheAge.CorrectedInitialAge(date, ageValue, entry.RequestTime, entry.ResponseTime);
        ResponseTime = entry.ResponseTime;
        StatusCode = entry.StatusCode;

        // RFC 9111 4.2.1: max-age wins over Expires; s-maxage is for shared caches and ignored here.
        if (cacheControl?.MaxAge is TimeSpan maxAge)
        {
            ExplicitLifetime = maxAge;
        }
        else if (all.First("Expires") is { } expires)
        {
            // RFC 9111 5.3: an invalid Expires (such as "0") means already expired.
            ExplicitLifetime = HttpDate.TryParse(expires, out var at) && at > date ? at - date : TimeSpan.Zero;
        }
        else if (LastModified is not null && HttpDate.TryParse(LastModified, out var modified) && modified < date
            && CacheStorability.IsHeuristicallyCacheable(entry.StatusCode))
        {
            // RFC 9111 4.2.2: a typical heuristic is 10% of the time since Last-Modified.
            HeuristicLifetime = (date - modified) / 10;
        }
    }

    public KeyValuePair<string, string>[] Headers { get; }

    public KeyValuePair<string, string>[] ContentHeaders { get; }

    public long Size { get; }

    public bool NoCache { get; }

    public bool MustRevalidate { get; }

    public bool Immutable { get; }

    public TimeSpan? StaleWhileRevalidate { get; }

    public TimeSpan? StaleIfError { get; }

    public string? ETag { get; }

    public string? LastModified { get; }

    public bool HasValidator => ETag is not null || LastModified is not null;

    public string[] VaryNames { get; }

    public TimeSpan CorrectedInitialAge { get; }

    public DateTimeOffset ResponseTime { get; }

    public TimeSpan? ExplicitLifetime { get; }

    public TimeSpan? HeuristicLifetime { get; }

    public int StatusCode { get; }

    /// <summary>RFC 9111 4.2.1 and 4.2.2: the explicit lifetime, else a heuristic one, capped by the options.</summary>
    public TimeSpan FreshnessLifetime(CacheOptions options)
    {
        if (ExplicitLifetime is TimeSpan explicitLifetime)
        {
            return explicitLifetime;
        }

        // RFC 9110 15.5.11 makes 410 heuristically cacheable, and RFC 9111 4.2.2 allows a heuristic lifetime for
        // such a code when no explicit one is given: "gone" is meant to last, so a fixed short lifetime is used
        // (Last-Modified says nothing useful about how long a removal lasts).
        var heuristic = StatusCode == 410 && options.GoneHeuristicLifetime > TimeSpan.Zero ? options.GoneHeuristicLifetime : HeuristicLifetime;
        var cap = options.HeuristicFreshnessCap;
        return heuristic is TimeSpan h ? (h < cap ? h : cap) : TimeSpan.Zero;
    }

    /// <summary>RFC 9111 4.2.3: current_age = corrected_initial_age + resident_time.</summary>
    public TimeSpan CurrentAge(DateTimeOffset now) => CorrectedInitialAge + (now > ResponseTime ? now - ResponseTime : TimeSpan.Zero);

    internal static string? First(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return headers[i].Value;
            }
        }

        return null;
    }

    private static KeyValuePair<string, string>[] WithoutAge(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        // RFC 9111 4: the Age of a hit is computed afresh, never copied from the stored response.
        var kept = new List<KeyValuePair<string, string>>(headers.Count);
        for (var i = 0; i < headers.Count; i++)
        {
            if (!string.Equals(headers[i].Key, "Age", StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(headers[i]);
            }
        }

        return [.. kept];
    }

    private static long HeaderBytes(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        long bytes = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            bytes += headers[i].Key.Length + headers[i].Value.Length + HeaderOverhead;
        }

        return bytes;
    }

    /// <summary>The response and content header lists read as one, without concatenating them.</summary>
    private readonly struct HeaderLists(IReadOnlyList<KeyValuePair<string, string>> headers, IReadOnlyList<KeyValuePair<string, string>> content)
    {
        public string? First(string name) => CacheEntryFacts.First(headers, name) ?? CacheEntryFacts.First(content, name);

        /// <summary>All values of <paramref name="name"/> joined with ", " (RFC 9110 5.3), or null when there is none.</summary>
        public string? Joined(string name)
        {
            string? single = null;
            System.Text.StringBuilder? many = null;
            Append(headers, name, ref single, ref many);
            Append(content, name, ref single, ref many);
            return many?.ToString() ?? single;
        }

        private static void Append(IReadOnlyList<KeyValuePair<string, string>> list, string name, ref string? single, ref System.Text.StringBuilder? many)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (!string.Equals(list[i].Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (single is null)
                {
                    single = list[i].Value;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(single);
                    many.Append(", ").Append(list[i].Value);
                }
            }
        }
    }
}
