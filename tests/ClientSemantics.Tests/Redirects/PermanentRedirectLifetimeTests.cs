using System.Net;
using System.Net.Http.Headers;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.Redirects;

/// <summary>How long a permanent redirect is remembered, and when it is not remembered at all.</summary>
public sealed class PermanentRedirectLifetimeTests
{
    [Theory]
    [InlineData("no-store")]
    [InlineData("no-cache")]
    [InlineData("max-age=0")]
    public async Task Permanent_WithCacheControlForbiddingIt_IsNotRemembered(string cacheControl)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new"), ("Cache-Control", cacheControl)).MapStatus("/new", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();

        using (await http.GetAsync(origin.Url("/old")))
        {
        }

        using var second = await http.GetAsync(origin.Url("/old"));

        Assert.Equal(2, origin.CountFor("/old"));
        Assert.Contains(second.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "skip");
    }

    [Fact]
    public async Task Permanent_MaxAge_ExpiresOnTheInjectedClock()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new"), ("Cache-Control", "max-age=60")).MapStatus("/new", 200);
        var time = new FakeTimeProvider();
        await using var client = TestClient.Create(time: time);
        var http = client.CreateHttpClient();

        await GetAsync(http, origin.Url("/old"));
        time.Advance(TimeSpan.FromSeconds(59));
        await GetAsync(http, origin.Url("/old"));
        Assert.Equal(1, origin.CountFor("/old"));

        time.Advance(TimeSpan.FromSeconds(2));
        await GetAsync(http, origin.Url("/old"));
        Assert.Equal(2, origin.CountFor("/old"));
    }

    [Fact]
    public async Task Permanent_WithoutCacheControl_LastsPermanentRedirectLifetime()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 308, null, ("Location", "/new")).MapStatus("/new", 200);
        var time = new FakeTimeProvider();
        await using var client = TestClient.Create(o => o.Redirects.PermanentRedirectLifetime = TimeSpan.FromMinutes(10), time);
        var http = client.CreateHttpClient();

        await GetAsync(http, origin.Url("/old"));
        time.Advance(TimeSpan.FromMinutes(9));
        await GetAsync(http, origin.Url("/old"));
        time.Advance(TimeSpan.FromMinutes(2));
        await GetAsync(http, origin.Url("/old"));

        Assert.Equal(2, origin.CountFor("/old"));
    }

    [Fact]
    public async Task PermanentRedirectCapacityZero_RemembersNothing()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create(o => o.Redirects.PermanentRedirectCapacity = 0);
        var http = client.CreateHttpClient();

        await GetAsync(http, origin.Url("/old"));
        await GetAsync(http, origin.Url("/old"));

        Assert.Equal(2, origin.CountFor("/old"));
    }

    [Fact]
    public async Task HttpsToHttpDowngrade_IsFollowedWhenAllowed_ButNeverRemembered()
    {
        var mock = new MockHttpMessageHandler();
        var source = mock.When("https://secure.test/old").Respond(HttpStatusCode.MovedPermanently, [new("Location", "http://plain.test/new")], "text/plain", "");
        mock.When("http://plain.test/new").Respond(HttpStatusCode.OK);
        await using var client = TestClient.Create(
            o => { o.Redirects.AllowHttpsToHttp = true; o.Redirects.AllowUnknownPrimaryHandler = true; },
            configureClient: b => b.ConfigurePrimaryHttpMessageHandler(() => mock));
        var http = client.CreateHttpClient();

        await GetAsync(http, new Uri("https://secure.test/old"));
        await GetAsync(http, new Uri("https://secure.test/old"));

        Assert.Equal(2, mock.GetMatchCount(source));
    }

    private static async Task GetAsync(HttpClient http, Uri uri)
    {
        using var response = await http.GetAsync(uri);
        Assert.True(response.IsSuccessStatusCode, $"{uri} answered {(int)response.StatusCode}");
    }
}
