using System.Net;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Caching;

/// <summary>HEAD answered from a stored GET response (RFC 9110 9.3.2), against a real origin.</summary>
public sealed class CacheHeadTests
{
    [Fact]
    public async Task Head_AfterAFreshGet_IsAnsweredFromTheStore_WithItsHeaderFields_NoContent_AndItsContentLength()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/doc", 200, "twelve bytes", ("Cache-Control", "max-age=60"), ("ETag", "\"d1\""));
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();
        Assert.Equal("twelve bytes", await http.GetStringAsync(origin.Url("/doc")));
        client.FakeTime.Advance(TimeSpan.FromSeconds(5));

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, origin.Url("/doc")));

        Assert.Equal(1, origin.CountFor("/doc"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("\"d1\"", head.Headers.ETag!.Tag);
        Assert.Equal(12, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(TimeSpan.FromSeconds(5), head.Headers.Age);
        Assert.Equal("ClientSemantics; hit", head.CacheStatus());
        Assert.Contains(head.GetStatusSemanticsTrace()!.Entries, e => e.Stage == StatusSemanticsStage.Cache && e.Decision == "hit" && e.Method == "HEAD");
    }

    [Fact]
    public async Task Head_WhenTheStoredGetIsStale_GoesToTheOrigin_AndIsNeverStored()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/doc", 200, "body", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();
        await http.GetStringAsync(origin.Url("/doc"));
        client.FakeTime.Advance(TimeSpan.FromMinutes(2));

        using (var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, origin.Url("/doc"))))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("ClientSemantics; fwd=stale; fwd-status=200", head.CacheStatus());
        }

        using (var again = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, origin.Url("/doc"))))
        {
            Assert.Equal("ClientSemantics; fwd=stale; fwd-status=200", again.CacheStatus()); // the HEAD answer was not stored
        }

        using (var unknown = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, origin.Url("/never-got"))))
        {
            Assert.Equal("ClientSemantics; fwd=miss; fwd-status=404", unknown.CacheStatus());
        }

        Assert.Equal(["GET", "HEAD", "HEAD"], origin.RequestsTo("/doc").Select(r => r.Method));
    }

    [Fact]
    public async Task Head_ThatTheCallerMadeConditional_GoesToTheOrigin()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/doc", 200, "body", ("Cache-Control", "max-age=60"), ("ETag", "\"d1\""));
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();
        await http.GetStringAsync(origin.Url("/doc"));

        var request = new HttpRequestMessage(HttpMethod.Head, origin.Url("/doc"));
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"d0\"");
        using var head = await http.SendAsync(request);

        Assert.Equal(2, origin.CountFor("/doc"));
        Assert.Equal("HEAD", origin.RequestsTo("/doc")[1].Method);
        Assert.Null(head.CacheStatus()); // passed through unchanged, as a conditional GET is
    }
}
