using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ClientSemantics.Authentication;

/// <summary>Pure computation of a Digest answer (RFC 7616 3.4). Strings are hashed as UTF-8 (RFC 7616 4).</summary>
internal static class DigestScheme
{
    /// <summary>The <c>response</c> value: KD(H(A1), nonce:nc:cnonce:qop:H(A2)), or the RFC 2069 form without qop.</summary>
    public static string Response(DigestChallenge d, string userName, string password, string method, string digestUri, uint nc, string cnonce)
    {
        var a1 = Hash(d, $"{userName}:{d.Realm}:{password}");
        if (d.Algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess)
        {
            a1 = Hash(d, $"{a1}:{d.Nonce}:{cnonce}"); // RFC 7616 3.4.2: the session key binds both nonces
        }

        var a2 = Hash(d, $"{method}:{digestUri}");
        return d.QopAuth
            ? Hash(d, $"{a1}:{d.Nonce}:{NonceCount(nc)}:{cnonce}:auth:{a2}")
            : Hash(d, $"{a1}:{d.Nonce}:{a2}");
    }

    /// <summary>The whole <c>Authorization</c> parameter (after "Digest ").</summary>
    public static string Parameter(DigestChallenge d, NetworkCredential credential, string method, string digestUri, uint nc, string cnonce)
    {
        // RFC 7616 3.4.4: with userhash=true the user name travels as H(username:realm).
        var user = d.UserHash ? Hash(d, $"{credential.UserName}:{d.Realm}") : credential.UserName;
        var response = Response(d, credential.UserName, credential.Password, method, digestUri, nc, cnonce);
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"username={Quote(user)}, realm={Quote(d.Realm)}, uri={Quote(digestUri)}, algorithm={d.AlgorithmName}, nonce={Quote(d.Nonce)}");
        if (d.QopAuth)
        {
            s.Append(CultureInfo.InvariantCulture, $", nc={NonceCount(nc)}, cnonce={Quote(cnonce)}, qop=auth");
        }

        s.Append(CultureInfo.InvariantCulture, $", response={Quote(response)}");
        if (d.Opaque is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $", opaque={Quote(d.Opaque)}"); // RFC 7616 3.4: echoed unchanged
        }

        if (d.UserHash)
        {
            s.Append(", userhash=true");
        }

        return s.ToString();
    }

    /// <summary>A fresh client nonce: 128 random bits (RFC 7616 5.12 asks for unpredictable values).</summary>
    public static string NewClientNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NonceCount(uint nc) => nc.ToString("x8", CultureInfo.InvariantCulture);

    private static string Hash(DigestChallenge d, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return Convert.ToHexStringLower(d.IsSha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes));
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
