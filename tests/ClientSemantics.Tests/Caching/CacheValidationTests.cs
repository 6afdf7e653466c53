using Microsoft.AspNetCore.Http;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Caching;

/// <summary>Freshness, validation and 304 through the whole pipeline against a real origin.</summary>
public sealed class CacheValidationTests
{
    [Fact]
    public async Task Get_FreshResponse_SecondCallIsAHit_WithoutTouchingTheOrigin()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/fresh", 200, "hello", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/fresh"));
        client.FakeTime.Advance(TimeSpan.FromSeconds(10));
        using var second = await http.GetAsync(origin.Url("/fresh"));

        Assert.Equal(1, origin.CountFor("/fresh"));
        Assert.Equal("ClientSemantics; fwd=miss; stored", first.CacheStatus());
        Assert.Equal("ClientSemantics; hit", second.CacheStatus());
        Assert.Equal("hello", await second.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(10), second.Headers.Age);
        Assert.Same(second.RequestMessage, second.RequestMessage);
        Assert.Contains(second.GetStatusSemanticsTrace()!.Entries, e => e.Stage == StatusSemanticsStage.Cache && e.Decision == "hit");
    }

    [Fact]
    public async Task Get_StaleWithETag_RevalidatesWithIfNoneMatch_And304IsAnsweredAs200WithStoredBody()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/etag", async ctx =>
        {
            if (ctx.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                ctx.Response.StatusCode = 304;
                ctx.Response.Headers.ETag = "\"v1\"";
                ctx.Response.Headers["X-Revision"] = "updated";
                ctx.Response.Headers.CacheControl = "max-age=60";
                return;
            }

            ctx.Response.Headers.ETag = "\"v1\"";
            ctx.Response.Headers["X-Revision"] = "original";
            ctx.Response.Headers.CacheControl = "max-age=1";
            ctx.Response.ContentLength = 4;
            await ctx.Response.WriteAsync("body");
        });
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/etag"));
        client.FakeTime.Advance(TimeSpan.FromSeconds(5));
        using var second = await http.GetAsync(origin.Url("/etag"));
        using var third = await http.GetAsync(origin.Url("/etag"));

        var requests = origin.RequestsTo("/etag");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("body", await second.Content.ReadAsStringAsync());
        Assert.Equal("ClientSemantics; fwd=stale; fwd-status=304; stored", second.CacheStatus());
        Assert.Equal("updated", second.Headers.GetValues("X-Revision").Single());
        Assert.Equal("ClientSemantics; hit", third.CacheStatus()); // the 304's max-age=60 now applies
        Assert.Equal("original", first.Headers.GetValues("X-Revision").Single()); // earlier responses are never edited
        Assert.False(second.RequestMessage!.Headers.Contains("If-None-Match")); // our validators do not leak to the caller's request
    }

    [Fact]
    public async Task Get_Revalidation_200ReplacesTheEntry()
    {
        await using var origin = await TestOrigin.StartAsync();
        var version = 1;
        origin.Map("/changing", async ctx =>
        {
            ctx.Response.Headers.ETag = $"\"v{version}\"";
            ctx.Response.Headers.CacheControl = "max-age=1";
            await ctx.Response.WriteAsync($"version {version}");
        });
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();

        Assert.Equal("version 1", await http.GetStringAsync(origin.Url("/changing")));
        version = 2;
        client.FakeTime.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("version 2", await http.GetStringAsync(origin.Url("/changing")));
        Assert.Equal("version 2", await http.GetStringAsync(origin.Url("/changing")));

        Assert.Equal(2, origin.CountFor("/changing"));
        Assert.Equal("\"v1\"", origin.RequestsTo("/changing")[1].Header("If-None-Match"));
    }

    [Fact]
    public async Task Get_CallerMadeTheRequestConditional_304PassesThroughUnchanged()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/conditional", ctx =>
        {
            ctx.Response.StatusCode = ctx.Request.Headers.IfNoneMatch == "\"mine\"" ? 304 : 200;
            ctx.Response.Headers.ETag = "\"mine\"";
            return Task.CompletedTask;
        });
        await using var client = CacheTestKit.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/conditional"));
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"mine\"");

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(304, (int)response.StatusCode);
        Assert.Null(response.CacheStatus());
    }

    [Fact]
    public async Task Get_NoCacheResponse_IsRevalidatedEveryTime()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapValidated("/no-cache", "no-cache", "\"n\"", "kept");
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("kept", await http.GetStringAsync(origin.Url("/no-cache")));
        }

        Assert.Equal([null, "\"n\"", "\"n\""], origin.RequestsTo("/no-cache").Select(r => r.Header("If-None-Match")));
    }

    [Fact]
    public async Task Get_Bypassed_GoesToTheOriginEvenWhenFresh()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/bypass", 200, "x", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client();

        await client.GetStringAsync(origin.Url("/bypass"));
        await client.GetStringAsync(origin.Url("/bypass"), r => r.BypassCache());
        await client.GetStringAsync(origin.Url("/bypass"));

        Assert.Equal(2, origin.CountFor("/bypass"));
    }

    [Fact]
    public async Task Hits_AreIndependentResponseObjects_WithTheirOwnBodiesAndHeaders()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/independent", 200, "same", ("Cache-Control", "max-age=60"), ("X-A", "1"));
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/independent"))).Dispose();

        var one = await http.GetAsync(origin.Url("/independent"));
        one.Headers.Remove("X-A");
        one.Dispose();
        using var two = await http.GetAsync(origin.Url("/independent"));

        Assert.NotSame(one, two);
        Assert.Equal("1", two.Headers.GetValues("X-A").Single());
        Assert.Equal("same", await two.Content.ReadAsStringAsync());
        Assert.Equal(origin.Url("/independent"), two.RequestMessage!.RequestUri);
    }

    [Fact]
    public async Task Disabled_StoresNothing()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/off", 200, "x", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client(o => o.Cache.Enabled = false);

        await client.GetStringAsync(origin.Url("/off"));
        await client.GetStringAsync(origin.Url("/off"));

        Assert.Equal(2, origin.CountFor("/off"));
    }

    [Fact]
    public async Task Get_304NamingAnotherRepresentation_DoesNotFreshenTheStoredOne_AndIsAskedAgainWithoutValidators()
    {
        await using var origin = await TestOrigin.StartAsync();
        var version = "v1";
        origin.Map("/moved-on", async ctx =>
        {
            if (ctx.Request.Headers.IfNoneMatch.Count > 0)
            {
                // A misbehaving origin (or a cache in front of it) confirms a representation we never stored.
                ctx.Response.StatusCode = 304;
                ctx.Response.Headers.ETag = "\"v2\"";
                return;
            }

            ctx.Response.Headers.ETag = "\"" + version + "\"";
            ctx.Response.Headers.CacheControl = "no-cache";
            await ctx.Response.WriteAsync("body " + version);
        });
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();
        Assert.Equal("body v1", await http.GetStringAsync(origin.Url("/moved-on")));
        version = "v2";

        using var response = await http.GetAsync(origin.Url("/moved-on"));

        Assert.Equal("body v2", await response.Content.ReadAsStringAsync());
        var requests = origin.RequestsTo("/moved-on");
        Assert.Equal(3, requests.Count);
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.Null(requests[2].Header("If-None-Match"));
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "mismatch" && e.StatusCode == 304);
    }

    [Fact]
    public async Task Get_FreshHit_CarriesItsTraceOnTheResponse_AndWritesNothingIntoTheRequestOptions()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/carried", 200, "hello", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/carried"))).Dispose();

        using var hit = await http.GetAsync(origin.Url("/carried"));

        Assert.Empty(hit.RequestMessage!.Options);
        var trace = hit.GetStatusSemanticsTrace()!;
        Assert.Equal(["hit", "return"], trace.Entries.Select(e => e.Decision));
        Assert.Same(trace, hit.GetStatusSemanticsTrace());
        Assert.Equal(2, trace.Entries.Count); // the return step is written once
    }
}
