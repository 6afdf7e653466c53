using System.Net;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Redirects;

/// <summary>MaxRedirects, loops and the per-request switches stop the chain and return the last 3xx.</summary>
public sealed class RedirectLimitTests
{
    [Fact]
    public async Task MaxRedirects_Reached_ReturnsTheLast3xx_WithTheReasonInTheTrace()
    {
        await using var origin = await TestOrigin.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            origin.MapStatus($"/r{i}", 302, $"hop {i}", ("Location", $"/r{i + 1}"));
        }

        await using var client = TestClient.Create(o => o.Redirects.MaxRedirects = 2);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/r0"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("hop 2", await response.Content.ReadAsStringAsync());
        Assert.Equal(["/r0", "/r1", "/r2"], origin.Requests.Select(r => r.Path));
        Assert.Equal(origin.Url("/r2"), response.RequestMessage!.RequestUri);
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "stop" && e.Reason!.Contains("MaxRedirects (2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Loop_IsDetected_ReturnsTheLast3xx_WithTheReasonInTheTrace()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/a", 302, "from a", ("Location", "/b")).MapStatus("/b", 302, "from b", ("Location", "/a"));
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/a"));

        Assert.Equal("from b", await response.Content.ReadAsStringAsync());
        Assert.Equal(["/a", "/b"], origin.Requests.Select(r => r.Path));
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "stop" && e.Reason!.Contains("loop", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PostRedirectGet_ToTheSameUri_IsNotALoop()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/form", async ctx =>
        {
            if (ctx.Request.Method == "POST")
            {
                ctx.Response.StatusCode = 303;
                ctx.Response.Headers.Location = "/form";
                return;
            }

            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(ctx.Response, "thanks");
        });
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/form"), new StringContent("x"));

        Assert.Equal("thanks", await response.Content.ReadAsStringAsync());
        Assert.Equal(["POST", "GET"], origin.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task DisableRedirects_ReturnsThe3xx_AndSkipsTheMemory()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        using (await http.GetAsync(origin.Url("/old")))
        {
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/old")).DisableRedirects();
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(2, origin.CountFor("/old"));
        Assert.Equal(1, origin.CountFor("/new"));
    }

    [Fact]
    public async Task WithMaxRedirects_CapsOneCall_AndCannotRaiseTheClientLimit()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/r0", 302, null, ("Location", "/r1")).MapStatus("/r1", 302, null, ("Location", "/r2")).MapStatus("/r2", 200, "end");
        await using var client = TestClient.Create(o => o.Redirects.MaxRedirects = 2);
        var http = client.CreateHttpClient();

        using var capped = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, origin.Url("/r0")).WithMaxRedirects(1));
        using var raised = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, origin.Url("/r0")).WithMaxRedirects(50));

        Assert.Equal(HttpStatusCode.Found, capped.StatusCode);
        Assert.Equal(origin.Url("/r1"), capped.RequestMessage!.RequestUri);
        Assert.Equal("end", await raised.Content.ReadAsStringAsync());
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRequestMessage().WithMaxRedirects(-1));
    }

    [Fact]
    public async Task MaxRedirectsZero_TurnsFollowingOff()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 308, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create(o => o.Redirects.MaxRedirects = 0);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/old"));

        Assert.Equal((HttpStatusCode.PermanentRedirect, 0), (response.StatusCode, origin.CountFor("/new")));
    }
}
