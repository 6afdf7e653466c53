using System.Net;
using ClientSemantics.Authentication;

namespace ClientSemantics.Tests.Authentication;

public sealed class DigestSchemeTests
{
    // RFC 7616 3.9.1 (MD5 and SHA-256) and RFC 2617 3.5 (MD5): the published example vectors.
    [Theory]
    [InlineData("MD5", "Mufasa", "Circle of Life", "http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "Mufasa", "Circle of Life", "http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    [InlineData("MD5", "Mufasa", "Circle Of Life", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "0a4f113b", "6629fae49393a05397450978507c4ef1")]
    public void Response_MatchesTheRfcExamples(string algorithm, string user, string password, string realm, string nonce, string cnonce, string expected)
    {
        var digest = Parse($"Digest realm=\"{realm}\", qop=\"auth\", algorithm={algorithm}, nonce=\"{nonce}\"");
        Assert.Equal(expected, DigestScheme.Response(digest, user, password, "GET", "/dir/index.html", 1, cnonce));
    }

    [Fact]
    public void Parameter_EchoesOpaque_CountsNonces_AndQuotesValues()
    {
        var digest = Parse("Digest realm=\"r\", qop=\"auth-int, auth\", algorithm=SHA-256-sess, nonce=\"n\", opaque=\"op\\\"q\"");
        var header = DigestScheme.Parameter(digest, new NetworkCredential("u", "p"), "GET", "/a?b", 10, "c");

        Assert.Contains("nc=0000000a", header, StringComparison.Ordinal);
        Assert.Contains("opaque=\"op\\\"q\"", header, StringComparison.Ordinal);
        Assert.Contains("algorithm=SHA-256-sess", header, StringComparison.Ordinal);
        Assert.Contains("uri=\"/a?b\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain("\"p\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_WithUserHash_SendsTheHashedUserName()
    {
        // RFC 7616 3.9.2's user name hash: H(username ":" realm) with SHA-256.
        var digest = Parse("Digest realm=\"api@example.org\", qop=auth, algorithm=SHA-256, nonce=\"n\", userhash=true");
        var header = DigestScheme.Parameter(digest, new NetworkCredential("Mufasa", "x"), "GET", "/", 1, "c");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Mufasa:api@example.org"u8));
        Assert.Contains($"username=\"{expected}\"", header, StringComparison.Ordinal);
        Assert.Contains("userhash=true", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Digest realm=r", "without a nonce")]
    [InlineData("Digest realm=r, nonce=n, algorithm=SHA-512-256", "not supported")]
    [InlineData("Digest realm=r, nonce=n, qop=auth-int", "qop 'auth-int' is not supported")]
    public void TryParse_RefusesWhatItCannotAnswer_WithAReason(string field, string reason)
    {
        var challenge = ClientSemantics.Http.ChallengeParser.Parse([field])[0];
        Assert.False(DigestChallenge.TryParse(challenge, out _, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ReadsStale_AndDefaultsToMd5WithoutQop()
    {
        var digest = Parse("Digest realm=r, nonce=n, stale=TRUE");
        Assert.True(digest.Stale);
        Assert.Equal(DigestAlgorithm.Md5, digest.Algorithm);
        Assert.False(digest.QopAuth);
    }

    [Fact]
    public void BasicParameter_IsUtf8Base64()
    {
        Assert.Equal("QWxhZGRpbjpvcGVuIHNlc2FtZQ==", BasicScheme.Parameter(new NetworkCredential("Aladdin", "open sesame")));
        Assert.Equal("dGVzdDoxMjPCow==", BasicScheme.Parameter(new NetworkCredential("test", "123\u00a3"))); // RFC 7617 2.1's example
    }

    internal static DigestChallenge Parse(string field)
    {
        Assert.True(DigestChallenge.TryParse(ClientSemantics.Http.ChallengeParser.Parse([field])[0], out var digest, out var reason), reason);
        return digest!;
    }
}
