using ClientSemantics.Http;

namespace ClientSemantics.Tests.Http;

public sealed class ChallengeParserTests
{
    /// <summary>Each row: field values joined by '|', then the expected challenges as "Scheme[token68]{k=v;k=v}" joined by ' '.</summary>
    [Theory]
    [InlineData("Basic realm=\"simple\"", "Basic{realm=simple}")]
    [InlineData("basic REALM=simple", "basic{realm=simple}")]
    [InlineData("Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"", "Newauth{realm=apps;type=1;title=Login to \"apps\"} Basic{realm=simple}")]
    [InlineData("Basic realm=\"a\"|Bearer realm=\"b\", error=\"invalid_token\"", "Basic{realm=a} Bearer{realm=b;error=invalid_token}")]
    [InlineData("Negotiate abc+/==, Basic realm=x", "Negotiate[abc+/==]{} Basic{realm=x}")]
    [InlineData("Negotiate", "Negotiate{}")]
    [InlineData("Bearer, Basic realm=\"x\"", "Bearer{} Basic{realm=x}")]
    [InlineData("Digest realm=\"r\", qop=\"auth,auth-int\", algorithm=SHA-256, nonce=\"n\"", "Digest{realm=r;qop=auth,auth-int;algorithm=SHA-256;nonce=n}")]
    [InlineData("Basic realm = \"spaced\" ,  charset=\"UTF-8\"", "Basic{realm=spaced;charset=UTF-8}")]
    [InlineData("Basic realm=\"first\", realm=\"second\"", "Basic{realm=first}")]
    [InlineData(",, Basic realm=x ,,", "Basic{realm=x}")]
    public void Parse_ReadsChallengesAndParameters(string fields, string expected) =>
        Assert.Equal(expected, Render(ChallengeParser.Parse(fields.Split('|'))));

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("realm=\"x\"", "")]
    [InlineData("Digest realm=\"unterminated, Basic realm=x", "")]
    [InlineData("Digest realm=, Basic realm=x", "Digest[realm=]{} Basic{realm=x}")] // grammatically a token68
    [InlineData("Digest realm=\"a\" nonce=\"b\", Basic realm=x", "Basic{realm=x}")]
    [InlineData("\"quoted\", Basic realm=x", "Basic{realm=x}")]
    [InlineData("Basic realm=\"x\\", "")]
    [InlineData("=====, ,,,=", "")]
    [InlineData("Newauth Basic realm=\"x\", Digest realm=d, nonce=n", "Digest{realm=d;nonce=n}")] // no comma between members
    [InlineData("Negotiate abc def, Basic realm=x", "Basic{realm=x}")]
    public void Parse_SkipsMalformedChallenges_NeverThrows(string fields, string expected) =>
        Assert.Equal(expected, Render(ChallengeParser.Parse(fields.Split('|'))));

    [Fact]
    public void Parse_BoundsHostileInput()
    {
        var many = string.Join(", ", Enumerable.Repeat("Basic realm=x", 10_000));
        Assert.Equal(32, ChallengeParser.Parse([many[..16_000]]).Count);
        Assert.Empty(ChallengeParser.Parse([new string('a', 20_000)]));
        var manyParams = "Basic " + string.Join(", ", Enumerable.Range(0, 500).Select(n => $"p{n}=v"));
        Assert.Empty(ChallengeParser.Parse([manyParams]));
    }

    [Fact]
    public void FromResponse_ReadsEveryFieldLine_OfTheRightHeader()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Basic realm=\"a\"");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer realm=\"b\"");
        response.Headers.TryAddWithoutValidation("Proxy-Authenticate", "Basic realm=\"proxy\"");

        Assert.Equal("Basic{realm=a} Bearer{realm=b}", Render(ChallengeParser.FromResponse(response, proxy: false)));
        Assert.Equal("Basic{realm=proxy}", Render(ChallengeParser.FromResponse(response, proxy: true)));
        Assert.Equal("a", ChallengeParser.FromResponse(response, proxy: false)[0].Realm);
    }

    private static string Render(IEnumerable<AuthenticationChallenge> challenges) =>
        string.Join(" ", challenges.Select(c =>
            c.Scheme + (c.Token68 is null ? string.Empty : $"[{c.Token68}]") +
            "{" + string.Join(";", c.Parameters.Select(p => $"{p.Key}={p.Value}")) + "}"));
}
