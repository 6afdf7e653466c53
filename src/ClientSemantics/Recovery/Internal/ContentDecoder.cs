using System.IO.Compression;

namespace ClientSemantics.Recovery;

/// <summary>Undoes the content codings of a request body for a 415 repeat, bounded against decompression bombs.</summary>
internal static class ContentDecoder
{
    /// <summary>
    /// A new content with the decoded bytes and the original headers except Content-Encoding and Content-Length;
    /// null when the body is not valid in its coding or decodes to more than <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<HttpContent?> DecodeAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Codings are listed in the order they were applied (RFC 9110 8.4): undo them last first.
            foreach (var coding in content.Headers.ContentEncoding.Reverse())
            {
                bytes = await DecodeOneAsync(bytes, coding, maxBytes, cancellationToken).ConfigureAwait(false);
                if (bytes is null)
                {
                    return null;
                }
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        var decoded = new ByteArrayContent(bytes);
        foreach (var header in content.Headers.NonValidated)
        {
            if (!header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                decoded.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return decoded;
    }

    private static async Task<byte[]?> DecodeOneAsync(byte[] input, string coding, long maxBytes, CancellationToken cancellationToken)
    {
        using var source = new MemoryStream(input, writable: false);
        await using Stream decoder = coding.ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => new GZipStream(source, CompressionMode.Decompress),
            // RFC 9110 8.4.1.2: "deflate" is the zlib format, not raw deflate.
            "deflate" => new ZLibStream(source, CompressionMode.Decompress),
            "br" => new BrotliStream(source, CompressionMode.Decompress),
            _ => throw new InvalidDataException($"unknown coding {coding}"),
        };
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                return null;
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
