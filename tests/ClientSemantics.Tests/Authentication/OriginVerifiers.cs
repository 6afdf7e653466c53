using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ClientSemantics.Tests.Authentication;

/// <summary>Tiny origin-side verifiers for Basic, Digest and Bearer, written apart from the client code they check.</summary>
internal static class OriginVerifiers
{
    public static TestOrigin MapBasic(this TestOrigin origin, string path, string user, string password, string realm = "basic-realm", int acceptedStatus = 200)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        return origin.Map(path, async ctx =>
        {
            if (ctx.Request.Headers.Authorization.ToString() == expected)
            {
                ctx.Response.StatusCode = acceptedStatus;
                await ctx.Response.WriteAsync("ok");
                return;
            }

            ctx.Response.StatusCode = 401;
            ctx.Response.Headers.Append("WWW-Authenticate", $"Basic realm=\"{realm}\", charset=\"UTF-8\"");
        });
    }

    public static TestOrigin MapBearer(this TestOrigin origin, string path, Func<string, bool> valid, string realm = "api")
        => origin.Map(path, async ctx =>
        {
            var header = ctx.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.Ordinal) && valid(header[7..]))
            {
                await ctx.Response.WriteAsync("ok");
                return;
            }

            ctx.Response.StatusCode = 401;
            ctx.Response.Headers.Append("WWW-Authenticate", header.Length == 0
                ? $"Bearer realm=\"{realm}\", scope=\"read\""
                : $"Bearer realm=\"{realm}\", error=\"invalid_token\", error_description=\"expired\"");
        });
}

/// <summary>An origin-side Digest verifier (RFC 7616 3.4) with its own hash code. Nonces it issued stay valid unless made stale.</summary>
internal sealed class DigestVerifier(string algorithm, string user, string password, string realm = "digest@test")
{
    private readonly ConcurrentDictionary<string, bool> _nonces = new();

    public ConcurrentQueue<string> NonceCounts { get; } = new();

    /// <summary>When set, the first answer is told its nonce is stale (as if it expired in between).</summary>
    public bool FirstAnswerIsStale { get; set; }

    public string? Opaque { get; set; } = "opaque-value";

    public TestOrigin MapOn(TestOrigin origin, string path) => origin.Map(path, async ctx =>
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Digest ", StringComparison.Ordinal))
        {
            var p = ClientSemantics.Http.ChallengeParser.Parse([header])[0].Parameters;
            var nonceKnown = _nonces.TryGetValue(p["nonce"], out var stale);
            if (nonceKnown && (stale || FirstAnswerIsStale))
            {
                FirstAnswerIsStale = false;
                _nonces[p["nonce"]] = true;
                Challenge(ctx, stale: true);
                return;
            }

            if (nonceKnown && p["response"] == Expected(p, ctx.Request.Method) && (Opaque is null || p["opaque"] == Opaque))
            {
                NonceCounts.Enqueue(p["nc"]);
                await ctx.Response.WriteAsync("ok");
                return;
            }
        }

        Challenge(ctx, stale: false);
    });

    public void MakeAllNoncesStale()
    {
        foreach (var nonce in _nonces.Keys)
        {
            _nonces[nonce] = true;
        }
    }

    private void Challenge(HttpContext ctx, bool stale)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        _nonces[nonce] = false;
        ctx.Response.StatusCode = 401;
        var opaque = Opaque is null ? string.Empty : $", opaque=\"{Opaque}\"";
        ctx.Response.Headers.Append("WWW-Authenticate", $"Digest realm=\"{realm}\", qop=\"auth\", algorithm={algorithm}, nonce=\"{nonce}\"{opaque}{(stale ? ", stale=true" : string.Empty)}");
    }

    private string Expected(IReadOnlyDictionary<string, string> p, string method)
    {
        var ha1 = H($"{user}:{realm}:{password}");
        if (algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase))
        {
            ha1 = H($"{ha1}:{p["nonce"]}:{p["cnonce"]}");
        }

        return H($"{ha1}:{p["nonce"]}:{p["nc"]}:{p["cnonce"]}:{p["qop"]}:{H($"{method}:{p["uri"]}")}");
    }

    private string H(string s) => Convert.ToHexStringLower(algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase)
        ? SHA256.HashData(Encoding.UTF8.GetBytes(s))
        : MD5.HashData(Encoding.UTF8.GetBytes(s)));
}

/// <summary>A token source that counts its calls and hands out t1, t2, ...</summary>
internal sealed class CountingTokenSource : IBearerTokenSource
{
    private int _calls;

    public int Calls => _calls;

    public ConcurrentQueue<BearerTokenContext> Contexts { get; } = new();

    public async ValueTask<string?> GetTokenAsync(BearerTokenContext context, CancellationToken cancellationToken)
    {
        Contexts.Enqueue(context);
        var n = Interlocked.Increment(ref _calls);
        await Task.Yield();
        return $"t{n}";
    }
}
