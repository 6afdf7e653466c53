using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ClientSemantics.Caching;

/// <summary>Turns network responses into stored entries, stored entries into new responses, and merges a 304.</summary>
internal static class CachedResponseMapper
{
    /// <summary>
    /// Not stored: hop-by-hop fields (RFC 9110 7.6.1), framing the new content computes itself, and Cache-Status,
    /// which describes one exchange and is written afresh on every answer (RFC 9211).
    /// </summary>
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "Content-Length", "Cache-Status",
    };

    private static readonly string?[] AgeTexts = new string?[1024];

    public static CachedResponse ToEntry(HttpResponseMessage response, ReadOnlyMemory<byte> body, DateTimeOffset requestTime, DateTimeOffset responseTime, string variantKey) =>
        new()
        {
            StatusCode = (int)response.StatusCode,
            ReasonPhrase = response.ReasonPhrase,
            Version = response.Version,
            Headers = Pairs(response.Headers, null),
            ContentHeaders = Pairs(response.Content.Headers, null),
            Body = body,
            RequestTime = requestTime,
            ResponseTime = responseTime,
            VariantKey = variantKey,
        };

    public static CachedResponse WithBody(CachedResponse template, ReadOnlyMemory<byte> body) =>
        new()
        {
            StatusCode = template.StatusCode,
            ReasonPhrase = template.ReasonPhrase,
            Version = template.Version,
            Headers = template.Headers,
            ContentHeaders = template.ContentHeaders,
            Body = body,
            RequestTime = template.RequestTime,
            ResponseTime = template.ResponseTime,
            VariantKey = template.VariantKey,
        };

    /// <summary>
    /// RFC 9111 4.3.4 and 3.2: the stored headers are updated with the ones in the 304, which replace stored fields
    /// of the same name; the body stays. A new entry is returned: the stored one is never edited in place.
    /// </summary>
    public static CachedResponse Merge(CachedResponse stored, HttpResponseMessage notModified, DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        var updated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var headers = Pairs(notModified.Headers, updated);
        var contentHeaders = Pairs(notModified.Content.Headers, updated);
        return new()
        {
            StatusCode = stored.StatusCode,
            ReasonPhrase = stored.ReasonPhrase,
            Version = stored.Version,
            Headers = Replace(stored.Headers, updated, headers),
            ContentHeaders = Replace(stored.ContentHeaders, updated, contentHeaders),
            Body = stored.Body,
            RequestTime = requestTime,
            ResponseTime = responseTime,
            VariantKey = stored.VariantKey,
        };
    }

    /// <summary>
    /// A new response for the caller: its own headers, its own content over the stored bytes, and the request as
    /// its RequestMessage. Only the precomputed arrays are walked; nothing is parsed.
    /// </summary>
    public static HttpResponseMessage ToResponse(CachedResponse entry, HttpRequestMessage request, string cacheStatus, TimeSpan? age) =>
        Build(entry, request, cacheStatus, age, entry.Body);

    /// <summary>The answer to a HEAD from a stored GET response: its header fields, no content, the body's Content-Length (RFC 9110 8.6).</summary>
    public static CacheHitResponse ToHeadResponse(CachedResponse entry, HttpRequestMessage request, string cacheStatus, TimeSpan? age)
    {
        var response = Build(entry, request, cacheStatus, age, ReadOnlyMemory<byte>.Empty);
        response.Content.Headers.ContentLength = entry.Body.Length;
        return response;
    }

    private static CacheHitResponse Build(CachedResponse entry, HttpRequestMessage request, string cacheStatus, TimeSpan? age, ReadOnlyMemory<byte> body)
    {
        var facts = entry.Facts;
        var response = new CacheHitResponse((HttpStatusCode)entry.StatusCode) { Version = entry.Version, RequestMessage = request };
        if (entry.ReasonPhrase is not null)
        {
            response.ReasonPhrase = entry.ReasonPhrase;
        }

        var headers = response.Headers;
        foreach (var header in facts.Headers)
        {
            headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var content = new ReadOnlyMemoryContent(body);
        foreach (var header in facts.ContentHeaders)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = content;
        if (age is TimeSpan a)
        {
            // RFC 9111 5.1: a response from a cache carries its current age.
            headers.TryAddWithoutValidation("Age", AgeText((long)a.TotalSeconds));
        }

        headers.TryAddWithoutValidation(CacheStatus.HeaderName, cacheStatus);
        return response;
    }

    /// <summary>The Age value: ages under 17 minutes, the common case for a hit, are formatted once and reused.</summary>
    private static string AgeText(long seconds)
    {
        if (seconds < 0 || seconds >= AgeTexts.Length)
        {
            return seconds.ToString(CultureInfo.InvariantCulture);
        }

        // A lost race formats the same text twice; both are equal.
        return AgeTexts[seconds] ??= seconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The stored fields whose names the 304 did not send, then the 304's fields.</summary>
    private static KeyValuePair<string, string>[] Replace(IReadOnlyList<KeyValuePair<string, string>> stored, HashSet<string> replaced, KeyValuePair<string, string>[] added)
    {
        var merged = new List<KeyValuePair<string, string>>(stored.Count + added.Length);
        for (var i = 0; i < stored.Count; i++)
        {
            if (!replaced.Contains(stored[i].Key))
            {
                merged.Add(stored[i]);
            }
        }

        merged.AddRange(added);
        return [.. merged];
    }

    private static KeyValuePair<string, string>[] Pairs(HttpHeaders headers, HashSet<string>? names)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var header in headers.NonValidated)
        {
            if (NotStored.Contains(header.Key))
            {
                continue;
            }

            names?.Add(header.Key);
            foreach (var value in header.Value)
            {
                pairs.Add(new(header.Key, value));
            }
        }

        return [.. pairs];
    }
}
