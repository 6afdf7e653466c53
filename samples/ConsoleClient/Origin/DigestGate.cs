using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ConsoleClient.Origin;

/// <summary>
/// The origin's side of Digest with SHA-256 and qop=auth (RFC 7616 3.3, 3.4): it issues nonces, and accepts a request
/// whose <c>response</c> equals KD(H(user:realm:password), nonce:nc:cnonce:auth:H(method:uri)) for a nonce it issued, with a nonce count that grows.
/// </summary>
internal sealed class DigestGate(string user, string password, string realm)
{
    private readonly ConcurrentDictionary<string, long> _nonces = new(StringComparer.Ordinal);
    private readonly string _opaque = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public Task InvokeAsync(HttpContext ctx)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase) && IsValid(Parse(header["Digest ".Length..]), ctx.Request))
        {
            return ctx.Response.WriteAsync($"welcome, {user} (Digest SHA-256)");
        }

        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _nonces[nonce] = 0;
        ctx.Response.Headers.WWWAuthenticate = $"Digest realm=\"{realm}\", qop=\"auth\", algorithm=SHA-256, nonce=\"{nonce}\", opaque=\"{_opaque}\"";
        return DemoRoutes.Status(ctx, 401, "credentials required");
    }

    private bool IsValid(Dictionary<string, string> p, HttpRequest request)
    {
        string Get(string key) => p.TryGetValue(key, out var v) ? v : string.Empty;
        if (Get("username") != user || Get("realm") != realm || !_nonces.TryGetValue(Get("nonce"), out var lastCount)
            || Get("uri") != request.Path + request.QueryString || Get("qop") != "auth"
            || !long.TryParse(Get("nc"), System.Globalization.NumberStyles.HexNumber, null, out var count) || count <= lastCount)
        {
            return false; // RFC 7616 3.4: a nonce count that does not grow is a replay.
        }

        var ha1 = Hash($"{user}:{realm}:{password}");
        var ha2 = Hash($"{request.Method}:{Get("uri")}");
        var expected = Hash($"{ha1}:{Get("nonce")}:{Get("nc")}:{Get("cnonce")}:auth:{ha2}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Get("response"))))
        {
            return false;
        }

        _nonces[Get("nonce")] = count;
        return true;
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Reads <c>name=value, name="quoted value"</c> pairs (RFC 9110 11.2 auth-param).</summary>
    private static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || text[i] == ' '))
            {
                i++;
            }

            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var name = text[i..eq].Trim();
            i = eq + 1;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    value.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
                }

                i++;
            }
            else
            {
                for (; i < text.Length && text[i] != ','; i++)
                {
                    value.Append(text[i]);
                }
            }

            result[name] = value.ToString().Trim();
        }

        return result;
    }
}
