using System.Net;
using System.Net.Http.Headers;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.Redirects;

/// <summary>301 and 308 are remembered: the next request for the source goes straight to the target.</summary>
public sealed class PermanentRedirectMemoryTests
{
    [Theory]
    [InlineData(301)]
    [InlineData(308)]
    public async Task Get_RememberedPermanentRedirect_SecondCallSendsNoRequestToTheSource(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", status, null, ("Location", "/new")).MapStatus("/new", 200, "here");
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();

        using (await http.GetAsync(origin.Url("/old")))
        {
        }

        using var second = await http.GetAsync(origin.Url("/old"));

        Assert.Equal("here", await second.Content.ReadAsStringAsync());
        Assert.Equal((1, 2), (origin.CountFor("/old"), origin.CountFor("/new")));
        Assert.Equal(origin.Url("/new"), second.RequestMessage!.RequestUri);
        Assert.Contains(second.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "hit" && e.Uri == origin.Url("/old"));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(303)]
    public async Task Get_TransientRedirect_IsAskedEveryTime(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", status, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(origin.Url("/old"));
        }

        Assert.Equal((3, 3), (origin.CountFor("/old"), origin.CountFor("/new")));
    }

    [Fact]
    public async Task Post_Remembered308_GoesStraightToTheTarget_WithItsBody()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/api", 308, null, ("Location", "/v2/api")).MapStatus("/v2/api", 201);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();

        using (await http.PostAsync(origin.Url("/api"), new StringContent("first")))
        {
        }

        using var second = await http.PostAsync(origin.Url("/api"), new StringContent("second"));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(1, origin.CountFor("/api"));
        Assert.Equal([("POST", "first"), ("POST", "second")], origin.RequestsTo("/v2/api").Select(r => (r.Method, r.BodyText)));
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public async Task Post_Remembered301_AppliesOnlyWhenThePostWouldKeepItsMethod(bool keepPost, int sourceRequests)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create(o => o.Redirects.KeepPostOn301And302 = keepPost);
        var http = client.CreateHttpClient();

        using (await http.GetAsync(origin.Url("/old")))
        {
        }

        using var post = await http.PostAsync(origin.Url("/old"), new StringContent("form"));

        Assert.Equal(sourceRequests, origin.CountFor("/old"));
        var last = origin.RequestsTo("/new")[^1];
        Assert.Equal(keepPost ? ("POST", "form") : ("GET", string.Empty), (last.Method, last.BodyText));
    }

    [Fact]
    public async Task RememberedChain_SkipsEverySource()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/a", 301, null, ("Location", "/b")).MapStatus("/b", 308, null, ("Location", "/c")).MapStatus("/c", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();

        await GetAsync(http, origin.Url("/a"));
        await GetAsync(http, origin.Url("/a"));

        Assert.Equal((1, 1, 2), (origin.CountFor("/a"), origin.CountFor("/b"), origin.CountFor("/c")));
    }

    [Fact]
    public async Task RememberedCrossOriginRedirect_StripsCredentials()
    {
        await using var first = await TestOrigin.StartAsync();
        await using var second = await TestOrigin.StartAsync();
        first.MapStatus("/old", 301, null, ("Location", second.Url("/new").ToString()));
        second.MapStatus("/new", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();

        await GetAsync(http, first.Url("/old"));
        using var request = new HttpRequestMessage(HttpMethod.Get, first.Url("/old"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret");
        using var response = await http.SendAsync(request);

        Assert.Equal(1, first.CountFor("/old"));
        Assert.All(second.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.Equal(2, second.Requests.Count);
    }

    private static async Task GetAsync(HttpClient http, Uri uri)
    {
        using var response = await http.GetAsync(uri);
        Assert.True(response.IsSuccessStatusCode, $"{uri} answered {(int)response.StatusCode}");
    }
}
