using System.Net;
using System.Net.Http.Headers;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.Redirects;

/// <summary>RFC 9110 15.4: credentials stay with their origin; no silent downgrade to http.</summary>
public sealed class RedirectSecurityTests
{
    [Fact]
    public async Task CrossOriginHop_StripsAuthorizationProxyAuthorizationAndCookie_SetByHand()
    {
        await using var first = await TestOrigin.StartAsync();
        await using var second = await TestOrigin.StartAsync(); // another port: another origin
        first.MapStatus("/start", 302, null, ("Location", second.Url("/landing").ToString()));
        second.MapStatus("/landing", 200);
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().SendAsync(WithCredentials(first.Url("/start")));

        var sent = Assert.Single(first.Requests);
        Assert.Equal(("Bearer secret", "Basic cHJveHk6cHc=", "session=42"), (sent.Header("Authorization"), sent.Header("Proxy-Authorization"), sent.Header("Cookie")));
        var landed = Assert.Single(second.Requests);
        Assert.Null(landed.Header("Authorization"));
        Assert.Null(landed.Header("Proxy-Authorization"));
        Assert.Null(landed.Header("Cookie"));
        Assert.Equal("kept", landed.Header("X-Trace-Id"));
    }

    [Fact]
    public async Task SameOriginHop_KeepsTheCredentials()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/start", 307, null, ("Location", "/landing")).MapStatus("/landing", 200);
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().SendAsync(WithCredentials(origin.Url("/start")));

        var landed = Assert.Single(origin.RequestsTo("/landing"));
        Assert.Equal(("Bearer secret", "session=42"), (landed.Header("Authorization"), landed.Header("Cookie")));
    }

    [Fact]
    public async Task CrossOriginAndBack_DoesNotRestoreTheCredentials()
    {
        await using var first = await TestOrigin.StartAsync();
        await using var second = await TestOrigin.StartAsync();
        first.MapStatus("/start", 302, null, ("Location", second.Url("/bounce").ToString())).MapStatus("/back", 200);
        second.MapStatus("/bounce", 302, null, ("Location", first.Url("/back").ToString()));
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().SendAsync(WithCredentials(first.Url("/start")));

        Assert.Null(Assert.Single(first.RequestsTo("/back")).Header("Authorization"));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Found, 0)]
    [InlineData(true, HttpStatusCode.OK, 1)]
    public async Task HttpsToHttp_IsRefusedUnlessAllowHttpsToHttp(bool allow, HttpStatusCode expected, int plainRequests)
    {
        // One handler over a mock primary: no TLS origin is needed to see what the handler sends.
        var mock = new MockHttpMessageHandler();
        mock.When("https://secure.test/start").Respond(HttpStatusCode.Found, [new("Location", "http://plain.test/page")], "text/plain", "moved");
        var plain = mock.When("http://plain.test/page").Respond(HttpStatusCode.OK);
        await using var client = TestClient.Create(
            o => { o.Redirects.AllowHttpsToHttp = allow; o.Redirects.AllowUnknownPrimaryHandler = true; },
            configureClient: b => b.ConfigurePrimaryHttpMessageHandler(() => mock));

        using var response = await client.CreateHttpClient().GetAsync("https://secure.test/start");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(plainRequests, mock.GetMatchCount(plain));
        if (!allow)
        {
            Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "stop" && e.Reason!.Contains("https to http", StringComparison.Ordinal));
        }
    }

    private static HttpRequestMessage WithCredentials(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret");
        request.Headers.ProxyAuthorization = new AuthenticationHeaderValue("Basic", "cHJveHk6cHc=");
        request.Headers.Add("Cookie", "session=42");
        request.Headers.Add("X-Trace-Id", "kept");
        return request;
    }
}
