using System.Security.Cryptography;
using System.Text;

namespace ClientSemantics.Caching;

/// <summary>
/// The store key (the request URI) and the variant key (credentials and Vary values). Credentials are hashed (keyed,
/// see <see cref="CacheOptions.CredentialHashKey"/>), never kept in clear: a response fetched with one Authorization or Cookie never answers a request with another.
/// </summary>
internal static class CacheKeys
{
    // Header values that are credentials: hashed when they enter a key (RFC 9110 11.6.2; RFC 6265).
    private static readonly string[] CredentialHeaders = ["Authorization", "Cookie", "Proxy-Authorization"];

    public static string Primary(Uri uri)
    {
        var absolute = uri.AbsoluteUri;
        var fragment = absolute.IndexOf('#', StringComparison.Ordinal);
        return fragment < 0 ? absolute : absolute[..fragment];
    }

    /// <summary>The variant key a request would have for an entry that varies on <paramref name="varyNames"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="varyNames">The header names the entry varies on.</param>
    /// <param name="hashKey">The key credentials are hashed with (HMAC-SHA256), or null for plain SHA-256.</param>
    public static string Variant(HttpRequestMessage request, string[] varyNames, byte[]? hashKey)
    {
        var credentials = CredentialHash(request, hashKey);
        if (varyNames.Length == 0)
        {
            return credentials;
        }

        var builder = new StringBuilder(credentials);
        foreach (var name in varyNames)
        {
            var value = request.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;
            builder.Append('\n').Append(name.ToLowerInvariant()).Append('=')
                .Append(IsCredential(name) ? Hash(value, hashKey) : value.Trim());
        }

        return builder.ToString();
    }

    public static bool Matches(HttpRequestMessage request, CachedResponse entry, byte[]? hashKey) =>
        string.Equals(Variant(request, entry.Facts.VaryNames, hashKey), entry.VariantKey, StringComparison.Ordinal);

    /// <summary>
    /// The key credentials are hashed with: the configured secret; else, for the in-memory store, a random one
    /// (nothing outside this process ever needs to agree with it); else none, so that instances sharing a store agree.
    /// </summary>
    public static byte[]? HashKey(CacheOptions options, IResponseCacheStore store) =>
        options.CredentialHashKey is { Length: > 0 } secret ? Encoding.UTF8.GetBytes(secret)
        : store is MemoryResponseCacheStore ? RandomNumberGenerator.GetBytes(32)
        : null;

    private static string CredentialHash(HttpRequestMessage request, byte[]? hashKey)
    {
        var headers = request.Headers.NonValidated;
        if (headers.Count == 0 || !headers.Contains("Authorization") && !headers.Contains("Cookie") && !headers.Contains("Proxy-Authorization"))
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var name in CredentialHeaders)
        {
            if (headers.TryGetValues(name, out var values))
            {
                builder.Append(name).Append('\0').AppendJoin('\0', values).Append('\n');
            }
        }

        return "cred:" + Hash(builder.ToString(), hashKey);
    }

    private static bool IsCredential(string name) =>
        Array.Exists(CredentialHeaders, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));

    private static string Hash(string value, byte[]? hashKey)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return Convert.ToBase64String(hashKey is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(hashKey, bytes));
    }
}
