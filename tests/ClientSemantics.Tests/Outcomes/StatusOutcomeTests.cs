using System.Net;
using System.Text;
using ClientSemantics.Outcomes;
using Microsoft.Extensions.Time.Testing;

namespace ClientSemantics.Tests.Outcomes;

/// <summary>Outcomes read from hand-built responses: no network, fake clock.</summary>
public sealed class StatusOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RetryAfter_DateForm_IsMeasuredFromTheInjectedClock()
    {
        using var response = Response(503, "http://example.test/x");
        response.Headers.TryAddWithoutValidation("Retry-After", "Wed, 01 Jan 2025 12:02:00 GMT");

        var outcome = response.GetStatusOutcome(new FakeTimeProvider(Now));

        Assert.Equal(TimeSpan.FromMinutes(2), outcome.RetryAfter);
        Assert.Equal("503 Service Unavailable: GET to example.test/x; retry after 120 s", outcome.ToString());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    [InlineData(404)]
    public void RetryAfter_OnOtherCodes_IsNotAnOutcome(int status)
    {
        using var response = Response(status, "http://example.test/x");
        response.Headers.TryAddWithoutValidation("Retry-After", "5");

        Assert.Null(response.GetStatusOutcome().RetryAfter);
    }

    [Fact]
    public void Message_NamesHostAndPathOnly_NeverQueryOrUserInfo()
    {
        using var response = Response(405, "http://user:secret@example.test:8080/orders?token=abc#frag", "POST");
        response.Content.Headers.TryAddWithoutValidation("Allow", "GET, HEAD");

        var outcome = response.GetStatusOutcome();

        Assert.Equal("405 Method Not Allowed: POST to example.test:8080/orders; the server allows GET, HEAD", outcome.ToString());
        Assert.Equal(["GET", "HEAD"], outcome.AllowedMethods);
        Assert.DoesNotContain("secret", outcome.RequestUri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Challenges_OfA401_AreParsed_AndNamedInTheMessage()
    {
        using var response = Response(401, "http://example.test/x");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Basic realm=\"r\"");

        var outcome = response.GetStatusOutcome();

        Assert.Equal("r", Assert.Single(outcome.Challenges).Realm);
        Assert.Equal("401 Unauthorized: GET to example.test/x; the server accepts Basic realm=\"r\"", outcome.ToString());
    }

    [Fact]
    public void Challenges_OfA407_ComeFromProxyAuthenticate()
    {
        using var response = Response(407, "http://example.test/x");
        response.Headers.TryAddWithoutValidation("Proxy-Authenticate", "Basic realm=\"proxy\"");

        Assert.Contains("the proxy accepts Basic realm=\"proxy\"", response.GetStatusOutcome().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Location_OfAnUnfollowed3xx_IsResolved_WithTheRedirectStagesReason()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://example.test/a/b");
        var trace = new StatusSemanticsTrace(new FakeTimeProvider(Now));
        request.Options.Set(Diagnostics.TraceRecorder.Key, trace);
        Diagnostics.TraceRecorder.Record(request, StatusSemanticsStage.Redirect, 302, "stop", "the redirect limit of 0 was reached.");
        using var response = new HttpResponseMessage(HttpStatusCode.Found) { RequestMessage = request };
        response.Headers.TryAddWithoutValidation("Location", "../c?x=1");

        var outcome = response.GetStatusOutcome();

        Assert.Equal(new Uri("http://example.test/c?x=1"), outcome.Location);
        Assert.Equal("the redirect limit of 0 was reached.", outcome.RedirectNotFollowedReason);
        Assert.Equal("302 Found: GET to example.test/a/b; redirect to example.test/c not followed: the redirect limit of 0 was reached.", outcome.ToString());
    }

    [Theory]
    [InlineData("bytes */500", "bytes=500-", 500L, true)]
    [InlineData("bytes */500", "bytes=100-", 500L, false)]
    [InlineData("bytes */500", "bytes=500-600", 500L, false)]
    [InlineData("bytes */500", null, 500L, false)]
    [InlineData("bytes 0-1/500", "bytes=500-", null, false)]
    [InlineData("bytes */x", "bytes=500-", null, false)]
    [InlineData("bytes */-1", "bytes=500-", null, false)]
    public void Range416_CompleteLength_AndAlreadyComplete(string contentRange, string? range, long? length, bool complete)
    {
        using var response = Response(416, "http://example.test/f");
        response.Content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        if (range is not null)
        {
            response.RequestMessage!.Headers.TryAddWithoutValidation("Range", range);
        }

        var outcome = response.GetStatusOutcome();

        Assert.Equal(length, outcome.CompleteLength);
        Assert.Equal(complete, outcome.IsAlreadyComplete);
    }

    [Fact]
    public async Task EnsureSuccess_OnA2xx_ReturnsTheResponse()
    {
        using var response = Response(204, "http://example.test/x");
        Assert.Same(response, await response.EnsureStatusSemanticsSuccessAsync());
    }

    [Fact]
    public async Task EnsureSuccess_Throws_WithOutcomeAndStatusCode()
    {
        using var response = Response(409, "http://example.test/x?secret=1", "PUT");
        response.Content = new StringContent("{\"title\":\"Version clash\",\"detail\":\"ETag moved on\"}", Encoding.UTF8, "application/problem+json");

        var error = await Assert.ThrowsAsync<StatusSemanticsException>(() => response.EnsureStatusSemanticsSuccessAsync());

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("Version clash", error.Outcome.Problem!.Title);
        Assert.Equal("409 Conflict: PUT to example.test/x; the server says: Version clash: ETag moved on", error.Message);
        Assert.IsAssignableFrom<HttpRequestException>(error);
    }

    private static HttpResponseMessage Response(int status, string uri, string method = "GET") =>
        new((HttpStatusCode)status)
        {
            RequestMessage = new HttpRequestMessage(new HttpMethod(method), uri),
            Content = new ByteArrayContent([]),
        };
}
