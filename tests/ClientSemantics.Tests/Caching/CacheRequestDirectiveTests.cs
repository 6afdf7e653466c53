using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Caching;

/// <summary>Request directives (RFC 9111 5.2.1) and Pragma: no-cache, through the pipeline.</summary>
public sealed class CacheRequestDirectiveTests
{
    [Theory]
    [InlineData("Cache-Control", "no-cache", 2)]
    [InlineData("Pragma", "no-cache", 2)]
    [InlineData("Cache-Control", "max-age=5", 2)]
    [InlineData("Cache-Control", "max-age=30", 1)]
    [InlineData("Cache-Control", "min-fresh=55", 2)]
    [InlineData("Cache-Control", "min-fresh=10", 1)]
    public async Task Get_RequestDirectives_DecideBetweenHitAndRevalidation(string header, string value, int originRequests)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/d", 200, "b", ("Cache-Control", "max-age=60"), ("ETag", "\"d\""));
        await using var client = CacheTestKit.Client();

        await client.GetStringAsync(origin.Url("/d"));
        client.FakeTime.Advance(TimeSpan.FromSeconds(10));
        await client.GetStringAsync(origin.Url("/d"), r => r.Headers.TryAddWithoutValidation(header, value));

        Assert.Equal(originRequests, origin.CountFor("/d"));
        if (originRequests == 2)
        {
            Assert.Equal("\"d\"", origin.RequestsTo("/d")[1].Header("If-None-Match"));
        }
    }

    [Fact]
    public async Task Get_RequestNoCache_OnAFreshEntry_SaysFwdRequestInCacheStatus()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapValidated("/reload", "max-age=60", "\"r\"", "b");
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();

        (await http.GetAsync(origin.Url("/reload"))).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/reload"));
        request.Headers.CacheControl = new() { NoCache = true };
        using var response = await http.SendAsync(request);

        Assert.Equal("ClientSemantics; fwd=request; fwd-status=304; stored", response.CacheStatus());
        Assert.Equal("b", await response.Content.ReadAsStringAsync());
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "revalidated" && e.StatusCode == 304);
    }

    [Fact]
    public async Task Get_MaxStale_AcceptsAStaleEntryWithoutTheOrigin()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/stale", 200, "b", ("Cache-Control", "max-age=1"), ("ETag", "\"s\""));
        await using var client = CacheTestKit.Client();

        await client.GetStringAsync(origin.Url("/stale"));
        client.FakeTime.Advance(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/stale"));
        request.Headers.TryAddWithoutValidation("Cache-Control", "max-stale=60");
        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(1, origin.CountFor("/stale"));
        Assert.Equal("ClientSemantics; hit; detail=stale", response.CacheStatus());
    }

    [Fact]
    public async Task Get_OnlyIfCached_WithNothingStored_Answers504WithoutTheOrigin()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/only", 200, "b", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/only"));
        request.Headers.TryAddWithoutValidation("Cache-Control", "only-if-cached");

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(504, (int)response.StatusCode);
        Assert.Equal(0, origin.CountFor("/only"));
    }

    [Fact]
    public async Task Get_OnlyIfCached_WithAFreshEntry_IsAHit()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/only-hit", 200, "b", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client();

        await client.GetStringAsync(origin.Url("/only-hit"));
        var body = await client.GetStringAsync(origin.Url("/only-hit"), r => r.Headers.TryAddWithoutValidation("Cache-Control", "only-if-cached"));

        Assert.Equal("b", body);
        Assert.Equal(1, origin.CountFor("/only-hit"));
    }

    [Fact]
    public async Task Get_RequestNoStore_DoesNotStore()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/ns", 200, "b", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client();

        await client.GetStringAsync(origin.Url("/ns"), r => r.Headers.TryAddWithoutValidation("Cache-Control", "no-store"));
        await client.GetStringAsync(origin.Url("/ns"));

        Assert.Equal(2, origin.CountFor("/ns"));
    }
}
