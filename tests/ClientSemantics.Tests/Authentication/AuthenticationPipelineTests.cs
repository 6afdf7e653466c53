using System.Net;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Authentication;

/// <summary>The whole pipeline against a real Kestrel origin with Basic, Digest and Bearer verifiers.</summary>
public sealed class AuthenticationPipelineTests
{
    [Fact]
    public async Task Get_401Basic_AnsweredOnce_ThenSentUpFrontInTheSameSpace()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBasic("/docs/a", "alice", "s\u00e9same").MapBasic("/docs/b", "alice", "s\u00e9same");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("alice", "s\u00e9same"));
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/docs/a"));
        using var second = await http.GetAsync(origin.Url("/docs/b"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(origin.RequestsTo("/docs/a")[0].Header("Authorization"));
        Assert.StartsWith("Basic ", origin.RequestsTo("/docs/a")[1].Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(1, origin.CountFor("/docs/b")); // preemptive: one round trip
        Assert.Contains(first.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "answer" && e.StatusCode == 401);
        Assert.Contains(second.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "preemptive");
    }

    [Fact]
    public async Task Get_401Basic_WrongPassword_ReturnsThe401AfterOneAnswer()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBasic("/a", "alice", "right");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("alice", "wrong"));

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/a"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, origin.CountFor("/a"));
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Reason?.Contains("one answer per challenge", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Get_401_WithNoCredentialsConfigured_IsReturnedAsItCame_AfterOneRequest()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBasic("/a", "alice", "pw");
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/a"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.Single().Scheme, StringComparison.Ordinal);
        Assert.Equal(1, origin.CountFor("/a"));
        Assert.Null(origin.RequestsTo("/a")[0].Header("Authorization"));
    }

    [Fact]
    public async Task Get_403AfterCredentials_IsNeverRetried()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBasic("/a", "alice", "pw", acceptedStatus: 403);
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("alice", "pw"));
        var http = client.CreateHttpClient();

        using var response = await http.GetAsync(origin.Url("/a"));
        using var again = await http.GetAsync(origin.Url("/a"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(4, origin.CountFor("/a")); // 401 + 403, twice: a 403 opens no protection space
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.StatusCode == 403 && e.Decision == "return");
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("MD5-sess")]
    [InlineData("SHA-256")]
    [InlineData("SHA-256-sess")]
    public async Task Get_401Digest_Answered_ThenNextNonceCountUpFront(string algorithm)
    {
        await using var origin = await TestOrigin.StartAsync();
        var verifier = new DigestVerifier(algorithm, "Mufasa", "Circle of Life");
        verifier.MapOn(origin, "/dir/index.html");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("Mufasa", "Circle of Life"));
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/dir/index.html"));
        using var second = await http.GetAsync(origin.Url("/dir/index.html?x=1"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(3, origin.CountFor("/dir/index.html"));
        Assert.Equal(["00000001", "00000002"], verifier.NonceCounts);
        Assert.Contains("opaque=\"opaque-value\"", origin.Requests[^1].Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_401DigestStale_AnsweredWithTheNewNonce_NotCountedAsFailure()
    {
        await using var origin = await TestOrigin.StartAsync();
        var verifier = new DigestVerifier("SHA-256", "u", "p") { FirstAnswerIsStale = true };
        verifier.MapOn(origin, "/s");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("u", "p"));

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/s"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, origin.CountFor("/s")); // challenge, stale answer, answer with the new nonce
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Reason?.Contains("stale nonce", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Get_PreemptiveDigestWithStaleNonce_FallsBackToTheChallenge()
    {
        await using var origin = await TestOrigin.StartAsync();
        var verifier = new DigestVerifier("MD5", "u", "p");
        verifier.MapOn(origin, "/s");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("u", "p"));
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/s"))).Dispose();
        verifier.MakeAllNoncesStale();

        using var response = await http.GetAsync(origin.Url("/s"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, origin.CountFor("/s"));
    }

    [Fact]
    public async Task Get_401Bearer_TokenAskedOnce_ThenSentUpFront()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBearer("/api/a", t => t == "t1").MapBearer("/api/b", t => t == "t1");
        var tokens = new CountingTokenSource();
        await using var client = TestClient.Create(o => o.Authentication.BearerTokenSource = tokens);
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/api/a"));
        using var second = await http.GetAsync(origin.Url("/api/b"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, tokens.Calls);
        Assert.Equal(1, origin.CountFor("/api/b"));
        var context = Assert.Single(tokens.Contexts);
        Assert.Equal("api", context.Realm);
        Assert.Equal("read", context.Scope);
        Assert.Equal(new Uri(origin.BaseUri.GetLeftPart(UriPartial.Authority)), context.Origin);
    }

    [Fact]
    public async Task Get_BearerInvalidToken_AsksTheSourceOnceMore_WithTheRejection()
    {
        await using var origin = await TestOrigin.StartAsync();
        var accepted = "t1";
        origin.MapBearer("/api", t => t == accepted);
        var tokens = new CountingTokenSource();
        await using var client = TestClient.Create(o => o.Authentication.BearerTokenSource = tokens);
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/api"))).Dispose();
        accepted = "t2"; // t1 is revoked

        using var response = await http.GetAsync(origin.Url("/api"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, tokens.Calls);
        Assert.True(tokens.Contexts.Last().PreviousTokenRejected);
        Assert.Equal("invalid_token", tokens.Contexts.Last().Error);
        Assert.Equal(["Bearer t1", "Bearer t2"], origin.RequestsTo("/api").Skip(2).Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Get_BearerAlwaysInvalid_StopsAfterOneRefresh()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBearer("/api", _ => false);
        var tokens = new CountingTokenSource();
        await using var client = TestClient.Create(o => o.Authentication.BearerTokenSource = tokens);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/api"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(3, origin.CountFor("/api")); // none, t1, t2
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task Get_100ConcurrentFirstCalls_AllAuthenticated_TokenSourceAskedOnce()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBearer("/api", t => t == "t1");
        var tokens = new CountingTokenSource();
        await using var client = TestClient.Create(o => o.Authentication.BearerTokenSource = tokens);
        var http = client.CreateHttpClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => http.GetAsync(origin.Url("/api"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, tokens.Calls);
        Assert.Equal(100, origin.RequestsTo("/api").Count(r => r.Header("Authorization") == "Bearer t1"));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }
}
