using System.Net;
using ClientSemantics.Authentication;
using ClientSemantics.Http;

namespace ClientSemantics.Tests.Authentication;

public sealed class ChallengeSelectorTests
{
    /// <summary>creds: "all" = one NetworkCredential; "basic"/"digest" = a CredentialCache for that scheme only; "none".</summary>
    [Theory]
    [InlineData("Basic realm=a, Digest realm=a, nonce=n", "all", false, "https://h/", "Digest MD5")]
    [InlineData("Digest realm=a, nonce=n, Digest realm=a, nonce=n, algorithm=SHA-256", "all", false, "https://h/", "Digest SHA-256")]
    [InlineData("Digest realm=a, nonce=n, algorithm=SHA-256, Bearer realm=a", "all", true, "https://h/", "Digest SHA-256")]
    [InlineData("Bearer realm=a, Digest realm=a, nonce=n, algorithm=SHA-256", "all", true, "https://h/", "Bearer")]
    [InlineData("Basic realm=a, Bearer realm=a", "all", true, "https://h/", "Bearer")]
    [InlineData("Basic realm=a, Bearer realm=a", "all", false, "https://h/", "Basic")]
    [InlineData("Digest realm=a, nonce=n, Basic realm=a", "basic", false, "https://h/", "Basic")]
    [InlineData("Digest realm=a, nonce=n, Basic realm=a", "digest", false, "https://h/", "Digest MD5")]
    [InlineData("Digest realm=a, nonce=n, algorithm=SHA-512-256, Basic realm=a", "all", false, "https://h/", "Basic")]
    [InlineData("Basic realm=a", "all", false, "http://127.0.0.1:8080/", "Basic")]
    [InlineData("Basic realm=a", "all", false, "http://localhost/", "Basic")]
    public void Select_ChoosesTheStrongestChallengeWeHoldCredentialsFor(string field, string creds, bool tokens, string target, string expected)
    {
        var selection = Select(field, creds, tokens, target);
        Assert.Equal(expected, selection.Kind == AuthSchemeKind.Digest ? "Digest " + selection.Digest!.AlgorithmName : selection.SchemeName);
    }

    [Theory]
    [InlineData("", "all", false, "https://h/", "no challenge we could parse")]
    [InlineData("Basic realm=a", "none", false, "https://h/", "no Basic credentials for https://h (realm 'a')")]
    [InlineData("Basic realm=a", "none", false, "https://user:secret@h:8443/", "no Basic credentials for https://h:8443 (realm 'a')")] // no user info in a reason
    [InlineData("Basic realm=a", "digest", false, "https://h/", "no Basic credentials")]
    [InlineData("Basic realm=a", "all", false, "http://example.test/", "not sent over plain http")]
    [InlineData("Bearer realm=a", "all", true, "http://example.test/", "not sent over plain http")]
    [InlineData("Bearer realm=a", "all", false, "https://h/", "no Bearer token source")]
    [InlineData("Negotiate, NTLM", "all", false, "https://h/", "scheme 'Negotiate' is not supported; scheme 'NTLM' is not supported")]
    [InlineData("Basic realm=a", "other-origin", false, "https://h/", "no Basic credentials")]
    public void Select_ReturnsNone_WithAReason(string field, string creds, bool tokens, string target, string reason)
    {
        var selection = Select(field, creds, tokens, target);
        Assert.Equal(AuthSchemeKind.None, selection.Kind);
        Assert.Contains(reason, selection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_BasicOverPlainHttp_IsAllowedWhenTheOptionSaysSo()
    {
        var challenges = ChallengeParser.Parse(["Basic realm=a"]);
        var selection = ChallengeSelector.Select(challenges, new SelectorInput(new Uri("http://example.test/"), new NetworkCredential("u", "p"), false, AllowBasicOverHttp: true, Proxy: false));
        Assert.Equal(AuthSchemeKind.Basic, selection.Kind);
    }

    [Fact]
    public void Select_BearerIsNeverOfferedToAProxy()
    {
        var challenges = ChallengeParser.Parse(["Bearer realm=a"]);
        var selection = ChallengeSelector.Select(challenges, new SelectorInput(new Uri("http://127.0.0.1:3128/"), null, true, false, Proxy: true));
        Assert.Equal(AuthSchemeKind.None, selection.Kind);
    }

    private static ChallengeSelection Select(string field, string creds, bool tokens, string target)
    {
        ICredentials? credentials = creds switch
        {
            "all" => new NetworkCredential("u", "p"),
            "basic" or "digest" => Cache(new Uri(target), creds == "basic" ? "Basic" : "Digest"),
            "other-origin" => Cache(new Uri("https://other.test/"), "Basic"),
            _ => null,
        };
        return ChallengeSelector.Select(ChallengeParser.Parse([field]), new SelectorInput(new Uri(target), credentials, tokens, false, false));
    }

    private static CredentialCache Cache(Uri prefix, string scheme) => new() { { prefix, scheme, new NetworkCredential("u", "p") } };
}
