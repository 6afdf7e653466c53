using System.Net;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Outcomes;

/// <summary>Caller-facing outcomes of real responses that came back through the whole pipeline.</summary>
public sealed class OutcomePipelineTests
{
    [Fact]
    public async Task Post_405_ThrowsWithTheAllowedMethods_AndNoQueryInTheMessage()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/orders", 405, null, ("Allow", "GET, HEAD"));
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/orders?token=s3cret"), new StringContent("{}"));
        var error = await Assert.ThrowsAsync<StatusSemanticsException>(() => response.EnsureStatusSemanticsSuccessAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, error.StatusCode);
        Assert.Equal(["GET", "HEAD"], error.Outcome.AllowedMethods);
        Assert.Equal($"405 Method Not Allowed: POST to 127.0.0.1:{origin.Port}/orders; the server allows GET, HEAD", error.Message);
        Assert.Equal(1, origin.CountFor("/orders"));
    }

    [Fact]
    public async Task Get_503WithLongRetryAfter_ReportsTheWait()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/busy", 503, null, ("Retry-After", "120"));
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/busy"));
        var outcome = await response.GetStatusOutcomeAsync(client.Time);

        Assert.Equal(TimeSpan.FromSeconds(120), outcome.RetryAfter);
        Assert.EndsWith("/busy; retry after 120 s", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_401WithoutCredentials_ReportsTheChallenges()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/private", 401, null, ("WWW-Authenticate", "Basic realm=\"r\""), ("WWW-Authenticate", "Bearer realm=\"api\", scope=\"read\""));
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/private"));
        var error = await Assert.ThrowsAsync<StatusSemanticsException>(() => response.EnsureStatusSemanticsSuccessAsync());

        Assert.Equal(["Basic", "Bearer"], error.Outcome.Challenges.Select(c => c.Scheme));
        Assert.Contains("401 Unauthorized: GET to ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; the server accepts Basic realm=\"r\" or Bearer realm=\"api\", scope=\"read\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_422ProblemJson_IsParsed_AndTheBodyStaysReadable()
    {
        const string Json = """{"type":"https://example.test/probs/invalid","title":"Invalid order","status":422,"detail":"quantity must be positive","errors":{"quantity":["> 0"]}}""";
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/orders", 422, Json, ("Content-Type", "application/problem+json"));
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/orders"), new StringContent("{\"quantity\":0}"));
        var outcome = await response.GetStatusOutcomeAsync();

        Assert.Equal("Invalid order", outcome.Problem?.Title);
        Assert.Equal(422, outcome.Problem?.Status);
        Assert.Equal("quantity must be positive", outcome.Problem?.Detail);
        Assert.True(outcome.Problem?.Extensions.ContainsKey("errors"));
        Assert.Equal(Json, await response.Content.ReadAsStringAsync());
        Assert.Contains("the server says: Invalid order: quantity must be positive", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_302WithRedirectsOff_ReportsTheLocation()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 302, null, ("Location", "/new?k=v"));
        await using var client = TestClient.Create(o => o.Redirects.MaxRedirects = 0);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/old"));
        var outcome = response.GetStatusOutcome();

        Assert.Equal(HttpStatusCode.Found, outcome.StatusCode);
        Assert.Equal(origin.Url("/new?k=v"), outcome.Location);
        Assert.Contains($"redirect to 127.0.0.1:{origin.Port}/new not followed", outcome.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, origin.CountFor("/new"));
    }

    /// <summary>Codes with no client move in RFC 9110: returned after one request, and EnsureSuccess names the code.</summary>
    [Theory]
    [InlineData(418)]
    [InlineData(421)]
    [InlineData(422)]
    [InlineData(423)]
    [InlineData(424)]
    [InlineData(425)]
    [InlineData(426)]
    [InlineData(428)]
    [InlineData(431)]
    [InlineData(451)]
    public async Task CodesWithoutAClientMove_AreReturnedAfterOneRequest_AndEnsureSuccessThrows(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/x", status);
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().PutAsync(origin.Url("/x"), new StringContent("v"));
        var error = await Assert.ThrowsAsync<StatusSemanticsException>(() => response.EnsureStatusSemanticsSuccessAsync());

        Assert.Equal(status, (int?)error.StatusCode);
        Assert.StartsWith($"{status} ", error.Message, StringComparison.Ordinal);
        Assert.Contains($": PUT to 127.0.0.1:{origin.Port}/x", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, origin.CountFor("/x"));
    }
}
