using System.Globalization;
using System.IO.Hashing;
using System.Net.Http.Headers;
using System.Text;

namespace ClientSemantics.Redis;

/// <summary>The metadata of one stored variant; its body lives in <see cref="BodyChunks"/> pieces under its own key.</summary>
internal sealed record CacheEntryMeta(CachedResponse Template, DateTimeOffset StoreUntil, long BodyLength, int ChunkBytes, string BodyHash, byte[]? InlineBody)
{
    /// <summary>A body of at most one chunk travels inside the metadata: a hit is then one Redis read.</summary>
    public static bool Inlines(long bodyLength, int chunkBytes) => bodyLength <= chunkBytes;

    public int BodyChunks => BodyLength == 0 ? 0 : (int)((BodyLength + ChunkBytes - 1) / ChunkBytes);
}

/// <summary>
/// A cached variant's metadata as Redis bytes. Format 1: version byte, variant key, status, reason, HTTP version,
/// headers, content headers, request/response times (UTC ticks), keep-until (UTC ticks), body length, chunk size
/// and body hash (XxHash128, checked on read), then the body itself when it fits in one chunk; a larger body is
/// stored in chunks under its own key.
/// </summary>
internal static class CacheEntryFormat
{
    private const byte Version = 1;

    public static string BodyHash(ReadOnlySpan<byte> body) => body.IsEmpty ? "0" : Convert.ToHexStringLower(XxHash128.Hash(body));

    public static byte[] Write(CachedResponse entry, DateTimeOffset storeUntil, int chunkBytes, string bodyHash)
    {
        using var stream = new MemoryStream(256);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(entry.VariantKey);
            writer.Write(entry.StatusCode);
            writer.Write(entry.ReasonPhrase ?? string.Empty);
            writer.Write(entry.Version.ToString());
            WritePairs(writer, entry.Headers);
            WritePairs(writer, entry.ContentHeaders);
            writer.Write(entry.RequestTime.UtcTicks);
            writer.Write(entry.ResponseTime.UtcTicks);
            writer.Write(storeUntil.UtcTicks);
            writer.Write((long)entry.Body.Length);
            writer.Write(chunkBytes);
            writer.Write(bodyHash);
            if (CacheEntryMeta.Inlines(entry.Body.Length, chunkBytes))
            {
                writer.Write(entry.Body.Span);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads metadata; false for anything that is not well-formed format 1 within <paramref name="maxBodyBytes"/>.</summary>
    public static bool TryRead(byte[] bytes, long maxBodyBytes, out CacheEntryMeta meta)
    {
        meta = null!;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return false;
            }

            var variantKey = reader.ReadString();
            var status = reader.ReadInt32();
            var reason = reader.ReadString();
            var version = System.Version.Parse(reader.ReadString());
            var headers = ReadPairs(reader);
            var contentHeaders = ReadPairs(reader);
            var requestTime = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var responseTime = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var storeUntil = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var length = reader.ReadInt64();
            var chunkBytes = reader.ReadInt32();
            var hash = reader.ReadString();
            if (status is < 100 or > 999 || length < 0 || length > maxBodyBytes || chunkBytes <= 0)
            {
                return false;
            }

            var inline = CacheEntryMeta.Inlines(length, chunkBytes) ? reader.ReadBytes((int)length) : null;
            if ((inline is not null && (inline.Length != length || BodyHash(inline) != hash)) || reader.BaseStream.Position != bytes.Length)
            {
                return false;
            }

            var template = new CachedResponse
            {
                StatusCode = status,
                ReasonPhrase = reason.Length == 0 ? null : reason,
                Version = version,
                Headers = headers,
                ContentHeaders = contentHeaders,
                RequestTime = requestTime,
                ResponseTime = responseTime,
                VariantKey = variantKey,
            };
            meta = new CacheEntryMeta(template, storeUntil, length, chunkBytes, hash, inline);
            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or FormatException or OverflowException or DecoderFallbackException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// How long Redis keeps the entry: its freshness lifetime (max-age, else Expires - Date, else the heuristic cap)
    /// plus the retention, so a stale entry can still be revalidated with a 304 (RFC 9111 4.3). An upper bound:
    /// the cache itself decides freshness from the headers on every use.
    /// </summary>
    public static TimeSpan KeepFor(CachedResponse entry, TimeSpan heuristicCap, TimeSpan retention)
    {
        var all = entry.Headers.Concat(entry.ContentHeaders).ToArray();
        TimeSpan lifetime;
        if (CacheControlHeaderValue.TryParse(Joined(all, "Cache-Control"), out var cc) && cc?.MaxAge is { } maxAge)
        {
            lifetime = maxAge;
        }
        else if (Date(all, "Expires") is { } expires)
        {
            lifetime = expires - (Date(all, "Date") ?? entry.ResponseTime);
        }
        else
        {
            lifetime = heuristicCap;
        }

        return (lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero) + retention;
    }

    private static DateTimeOffset? Date(KeyValuePair<string, string>[] all, string name) =>
        DateTimeOffset.TryParseExact(Joined(all, name), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? Joined(KeyValuePair<string, string>[] all, string name)
    {
        var values = all.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();
        return values.Length == 0 ? null : string.Join(", ", values);
    }

    private static void WritePairs(BinaryWriter writer, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        writer.Write(pairs.Count);
        foreach (var (name, value) in pairs)
        {
            writer.Write(name);
            writer.Write(value);
        }
    }

    private static KeyValuePair<string, string>[] ReadPairs(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 10_000)
        {
            throw new FormatException("header count out of range");
        }

        var pairs = new KeyValuePair<string, string>[count];
        for (var i = 0; i < count; i++)
        {
            pairs[i] = new(reader.ReadString(), reader.ReadString());
        }

        return pairs;
    }
}
