using System.Text;

namespace ClientSemantics.Redis;

/// <summary>
/// A remembered redirect as Redis bytes. Format 1: version byte, status (int32), expiry (Unix ms, int64), source
/// and target (length-prefixed UTF-8). The source is kept to confirm that the entry belongs to the key that was asked.
/// </summary>
internal static class RedirectFormat
{
    private const byte Version = 1;

    public static byte[] Write(PermanentRedirect redirect)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(redirect.StatusCode);
            writer.Write(redirect.ExpiresAt.ToUnixTimeMilliseconds());
            writer.Write(redirect.Key.ToString());
            writer.Write(redirect.Target.AbsoluteUri);
        }

        return stream.ToArray();
    }

    /// <summary>Reads an entry; false for anything that is not a well-formed format-1 entry for <paramref name="key"/>.</summary>
    public static bool TryRead(byte[] bytes, PermanentRedirectKey key, out PermanentRedirect redirect)
    {
        redirect = null!;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return false;
            }

            var status = reader.ReadInt32();
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
            var source = reader.ReadString();
            var target = reader.ReadString();
            if (status is not (301 or 308) || !string.Equals(source, key.ToString(), StringComparison.Ordinal)
                || !Uri.TryCreate(target, UriKind.Absolute, out var targetUri) || reader.BaseStream.Position != bytes.Length)
            {
                return false;
            }

            redirect = new PermanentRedirect(key, targetUri, status, expires);
            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or FormatException or DecoderFallbackException or IOException)
        {
            return false;
        }
    }
}
