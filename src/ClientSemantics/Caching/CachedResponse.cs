using System.Net;
using ClientSemantics.Caching;

namespace ClientSemantics;

/// <summary>
/// One stored response: metadata plus body bytes. Immutable: a 304 produces a new instance with updated headers,
/// so a response handed to a caller never shares mutable state with the store.
/// </summary>
public sealed class CachedResponse
{
    private CacheEntryFacts? _facts;

    /// <summary>The stored status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The stored reason phrase, if any.</summary>
    public string? ReasonPhrase { get; init; }

    /// <summary>The HTTP version of the stored response.</summary>
    public Version Version { get; init; } = HttpVersion.Version11;

    /// <summary>Response header fields, one pair per value.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>Content header fields (Content-Type, Content-Length...), one pair per value.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> ContentHeaders { get; init; }

    /// <summary>The whole body.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>When the request that produced this response was sent (RFC 9111 4.2.3 request_time).</summary>
    public required DateTimeOffset RequestTime { get; init; }

    /// <summary>When the response was received (RFC 9111 4.2.3 response_time).</summary>
    public required DateTimeOffset ResponseTime { get; init; }

    /// <summary>Which requests this variant answers: a hash of the credentials and of the values of the Vary headers.</summary>
    public string VariantKey { get; init; } = string.Empty;

    /// <summary>The bytes this entry costs a store: body plus headers.</summary>
    public long Size => Facts.Size;

    /// <summary>What is parsed once per entry (freshness, validators, header arrays), so that a hit parses nothing.</summary>
    internal CacheEntryFacts Facts => _facts ??= new CacheEntryFacts(this);
}
