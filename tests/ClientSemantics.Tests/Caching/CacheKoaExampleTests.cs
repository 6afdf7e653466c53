using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace ClientSemantics.Tests.Caching;

/// <summary>
/// The seed's 304 example, exactly: the origin serves a real file with Last-Modified = its mtime truncated to
/// seconds; no If-Modified-Since, or one older than the mtime, gets 200 with the body; otherwise 304.
/// </summary>
public sealed class CacheKoaExampleTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    [Fact]
    public async Task Get_LastModifiedFile_IfModifiedSinceTurns304IntoStoredBody_ThenTouchServesNewBody()
    {
        var realNow = DateTimeOffset.UtcNow;
        await File.WriteAllTextAsync(_path, "first version");
        File.SetLastWriteTimeUtc(_path, realNow.AddHours(-2).UtcDateTime);
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/file", ServeFileAsync);
        // The client's clock starts at the real time, so the origin's Date and the cache's clock agree.
        await using var client = TestClient.Create(time: new FakeTimeProvider(realNow));
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/file"));
        Assert.Equal("first version", await first.Content.ReadAsStringAsync());
        Assert.Equal("ClientSemantics; fwd=miss; stored", first.CacheStatus());

        // Heuristic freshness is 10% of two hours (12 minutes): 20 minutes later the entry is stale.
        client.FakeTime.Advance(TimeSpan.FromMinutes(20));
        using var second = await http.GetAsync(origin.Url("/file"));
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("first version", await second.Content.ReadAsStringAsync());
        Assert.Equal("ClientSemantics; fwd=stale; fwd-status=304; stored", second.CacheStatus());

        await File.WriteAllTextAsync(_path, "second version");
        File.SetLastWriteTimeUtc(_path, realNow.AddHours(-1).UtcDateTime);
        client.FakeTime.Advance(TimeSpan.FromMinutes(20));
        using var third = await http.GetAsync(origin.Url("/file"));
        Assert.Equal("second version", await third.Content.ReadAsStringAsync());

        var requests = origin.RequestsTo("/file");
        Assert.Equal(3, requests.Count);
        Assert.Null(requests[0].Header("If-Modified-Since"));
        var firstModified = ClientSemantics.Http.HttpDate.Format(Truncate(realNow.AddHours(-2)));
        Assert.Equal(firstModified, requests[1].Header("If-Modified-Since"));
        Assert.Equal(firstModified, requests[2].Header("If-Modified-Since"));
    }

    public void Dispose() => File.Delete(_path);

    private async Task ServeFileAsync(HttpContext ctx)
    {
        var modified = Truncate(File.GetLastWriteTimeUtc(_path));
        var since = ctx.Request.GetTypedHeaders().IfModifiedSince;
        if (since is null || since < modified)
        {
            ctx.Response.GetTypedHeaders().LastModified = modified;
            ctx.Response.ContentLength = new FileInfo(_path).Length; // as koa-send sets it
            await ctx.Response.SendFileAsync(_path);
            return;
        }

        ctx.Response.StatusCode = StatusCodes.Status304NotModified;
    }

    private static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static DateTimeOffset Truncate(DateTime utc) => Truncate(new DateTimeOffset(utc, TimeSpan.Zero));
}
