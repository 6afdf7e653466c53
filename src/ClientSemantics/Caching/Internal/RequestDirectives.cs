using System.Net.Http.Headers;

namespace ClientSemantics.Caching;

/// <summary>What the caller asked of the cache in its request (RFC 9111 5.2.1, and Pragma: no-cache from 5.4).</summary>
internal readonly record struct RequestDirectives(
    bool NoCache,
    bool NoStore,
    TimeSpan? MaxAge,
    TimeSpan? MaxStale,
    TimeSpan? MinFresh,
    bool OnlyIfCached)
{
    public static readonly RequestDirectives None = default;

    /// <summary>Only no-store: all that storing a forwarded answer needs to know of the request.</summary>
    public static readonly RequestDirectives NoStoreOnly = None with { NoStore = true };

    public static RequestDirectives From(HttpRequestMessage request)
    {
        var headers = request.Headers;
        if (headers.NonValidated.Count == 0)
        {
            return None; // most requests carry no header at all: no name to look up
        }

        CacheControlHeaderValue? cacheControl = null;
        if (headers.NonValidated.Contains("Cache-Control"))
        {
            cacheControl = headers.CacheControl;
        }

        // RFC 9111 5.4: Pragma: no-cache counts as Cache-Control: no-cache only when there is no Cache-Control.
        var pragmaNoCache = cacheControl is null && headers.NonValidated.Contains("Pragma") && headers.Pragma.Any(p => string.Equals(p.Name, "no-cache", StringComparison.OrdinalIgnoreCase));
        if (cacheControl is null)
        {
            return pragmaNoCache ? None with { NoCache = true } : None;
        }

        return new RequestDirectives(
            cacheControl.NoCache,
            cacheControl.NoStore,
            cacheControl.MaxAge,
            // RFC 9111 5.2.1.2: max-stale without a value accepts a response of any staleness.
            cacheControl.MaxStale ? cacheControl.MaxStaleLimit ?? TimeSpan.MaxValue : null,
            cacheControl.MinFresh,
            cacheControl.OnlyIfCached);
    }
}
