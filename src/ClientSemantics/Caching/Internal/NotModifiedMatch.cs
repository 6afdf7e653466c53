namespace ClientSemantics.Caching;

/// <summary>
/// RFC 9111 4.3.4: which stored response a 304 may update. Pure: the stored entry's validators and the 304's in, yes or
/// no out. A 304 that names another representation must not freshen ours; the request is then repeated without
/// validators, since the caller asked for a full response.
/// </summary>
internal static class NotModifiedMatch
{
    /// <param name="storedETag">The stored response's ETag, as it came.</param>
    /// <param name="storedLastModified">The stored response's Last-Modified, as it came.</param>
    /// <param name="etag">The 304's ETag, or null.</param>
    /// <param name="lastModified">The 304's Last-Modified, or null.</param>
    public static bool Identifies(string? storedETag, string? storedLastModified, string? etag, string? lastModified)
    {
        if (etag is not null)
        {
            // A strong validator identifies the stored responses with the same strong validator (strong comparison,
            // RFC 9110 8.8.3.2); a weak one those that correspond to it (weak comparison).
            return storedETag is not null && (IsWeak(etag)
                ? string.Equals(Opaque(etag), Opaque(storedETag), StringComparison.Ordinal)
                : !IsWeak(storedETag) && string.Equals(etag.Trim(), storedETag.Trim(), StringComparison.Ordinal));
        }

        if (lastModified is not null)
        {
            return storedLastModified is not null && string.Equals(lastModified.Trim(), storedLastModified.Trim(), StringComparison.Ordinal);
        }

        // DEPARTURE from RFC 9111 4.3.4, third case: it updates a stored response without validators only when that
        // response has none either. Ours has the validators we just sent, and many origins answer 304 without
        // repeating them; like browsers, we take such a 304 as confirming the one response we asked about.
        return true;
    }

    private static bool IsWeak(string etag) => etag.TrimStart().StartsWith("W/", StringComparison.Ordinal);

    private static string Opaque(string etag)
    {
        var trimmed = etag.Trim();
        return trimmed.StartsWith("W/", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
    }
}
