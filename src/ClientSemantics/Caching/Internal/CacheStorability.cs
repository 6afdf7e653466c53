using System.Net;
using System.Net.Http.Headers;

namespace ClientSemantics.Caching;

/// <summary>RFC 9111 3: whether a response may be stored by this private cache.</summary>
internal static class CacheStorability
{
    /// <summary>RFC 9110 15.1: the codes that are heuristically cacheable (206 left out: ranges are not stored).</summary>
    public static bool IsHeuristicallyCacheable(int status) =>
        status is 200 or 203 or 204 or 300 or 301 or 308 or 404 or 405 or 410 or 414 or 501;

    /// <summary>Null when storable, else the reason it is not.</summary>
    public static string? WhyNotStorable(HttpRequestMessage request, in RequestDirectives directives, HttpResponseMessage response, CacheOptions options)
    {
        if (request.Method != HttpMethod.Get)
        {
            return "Only GET responses are stored.";
        }

        if (directives.NoStore)
        {
            return "The request says no-store.";
        }

        if (!IsHeuristicallyCacheable((int)response.StatusCode))
        {
            return "The status code is not one this cache stores.";
        }

        var headers = response.Headers;
        var cacheControl = headers.NonValidated.Contains("Cache-Control") ? headers.CacheControl : null;
        if (cacheControl?.NoStore == true)
        {
            return "The response says no-store.";
        }

        // RFC 9111 4.1: Vary: * never matches a later request.
        if (headers.NonValidated.TryGetValues("Vary", out var vary) && vary.Any(v => v.Contains('*', StringComparison.Ordinal)))
        {
            return "The response says Vary: *.";
        }

        // Storing a response that can neither be fresh nor validated would only cost memory.
        var explicitFreshness = cacheControl?.MaxAge is not null || response.Content.Headers.NonValidated.Contains("Expires") || headers.NonValidated.Contains("Expires");
        var validator = headers.NonValidated.Contains("ETag") || response.Content.Headers.NonValidated.Contains("Last-Modified") || headers.NonValidated.Contains("Last-Modified");
        if (explicitFreshness || validator || GetsGoneHeuristic(response, cacheControl, options))
        {
            return null;
        }

        return "The response has neither explicit freshness nor a validator.";
    }

    /// <summary>
    /// A 410 gets a heuristic lifetime (RFC 9111 4.2.2, see <see cref="CacheOptions.GoneHeuristicLifetime"/>) unless
    /// it says no-cache: then it could never be reused without a validator, so storing it would only cost memory.
    /// </summary>
    private static bool GetsGoneHeuristic(HttpResponseMessage response, CacheControlHeaderValue? cacheControl, CacheOptions options) =>
        response.StatusCode == HttpStatusCode.Gone
        && options.GoneHeuristicLifetime > TimeSpan.Zero && options.HeuristicFreshnessCap > TimeSpan.Zero
        && cacheControl?.NoCache != true;
}
