using System.IO.Hashing;
using StackExchange.Redis;

namespace ClientSemantics.Redis;

/// <summary>
/// A cached body as a Redis hash of chunks (<c>"0"</c>, <c>"1"</c>...): written straight from slices of the body,
/// read back chunk by chunk into one array of the exact length, so neither side builds one serialized copy of the
/// whole body on top of it. The body key is named after the body's hash: a 304 that keeps the body only renews it.
/// </summary>
internal static class ChunkedBody
{
    public static async Task<bool> WriteAsync(IDatabase db, RedisKey key, ReadOnlyMemory<byte> body, int chunkBytes, TimeSpan ttl)
    {
        if (CacheEntryMeta.Inlines(body.Length, chunkBytes) || await db.KeyExpireAsync(key, ttl).ConfigureAwait(false))
        {
            return true; // travels in the metadata, or the same body is already there (now renewed).
        }

        var chunks = new HashEntry[(body.Length + chunkBytes - 1) / chunkBytes];
        for (var i = 0; i < chunks.Length; i++)
        {
            var start = i * chunkBytes;
            chunks[i] = new HashEntry(i, body.Slice(start, Math.Min(chunkBytes, body.Length - start)));
        }

        var set = db.HashSetAsync(key, chunks);
        var expire = db.KeyExpireAsync(key, ttl);
        await Task.WhenAll(set, expire).ConfigureAwait(false);
        return true;
    }

    /// <summary>The body, or null when a chunk is missing, of the wrong size, or the whole does not match its hash.</summary>
    public static async Task<byte[]?> ReadAsync(IDatabase db, RedisKey key, CacheEntryMeta meta)
    {
        if (meta.InlineBody is { } inline)
        {
            return inline; // its length and hash were checked when the metadata was read.
        }

        var fields = new RedisValue[meta.BodyChunks];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = i;
        }

        var chunks = await db.HashGetAsync(key, fields).ConfigureAwait(false);
        var body = new byte[meta.BodyLength];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var piece = (ReadOnlyMemory<byte>)chunk;
            var expected = (int)Math.Min(meta.ChunkBytes, meta.BodyLength - offset);
            if (chunk.IsNull || piece.Length != expected)
            {
                return null;
            }

            piece.Span.CopyTo(body.AsSpan(offset));
            offset += piece.Length;
        }

        return Convert.ToHexStringLower(XxHash128.Hash(body)) == meta.BodyHash ? body : null;
    }
}
