using System.Net;
using ClientSemantics.Caching;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.Caching;

/// <summary>
/// <see cref="CacheOptions.ConditionalWrites"/>: a write carries the stored validator as a precondition, so a lost
/// update shows up as 412 (RFC 9110 13.1.1, 13.1.4, 15.5.13); a 412 drops the stored response and is not retried.
/// </summary>
public sealed class ConditionalWriteTests
{
    [Fact]
    public async Task TwoWriters_SecondGets412_ItsStoredResponseIsDropped_AndItsNextGetSeesTheNewVersion()
    {
        await using var origin = await TestOrigin.StartAsync();
        var resource = new VersionedResource(origin, "/doc");
        await using var alice = CacheTestKit.Client(o => o.Cache.ConditionalWrites = true, name: "alice");
        await using var bob = CacheTestKit.Client(o => o.Cache.ConditionalWrites = true, name: "bob");
        Assert.Equal("first", await alice.GetStringAsync(origin.Url("/doc")));
        Assert.Equal("first", await bob.GetStringAsync(origin.Url("/doc")));

        using var aliceWrite = await alice.CreateHttpClient().PutAsync(origin.Url("/doc"), new StringContent("from alice"));
        using var bobWrite = await bob.CreateHttpClient().PutAsync(origin.Url("/doc"), new StringContent("from bob"));

        Assert.Equal(HttpStatusCode.NoContent, aliceWrite.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, bobWrite.StatusCode);
        var puts = origin.RequestsTo("/doc").Where(r => r.Method == "PUT").ToArray();
        Assert.Equal(2, puts.Length); // the 412 was not retried
        Assert.All(puts, put => Assert.Equal("\"v1\"", put.Header("If-Match")));
        Assert.Equal("from alice", resource.Body);
        Assert.Empty(await bob.Store().GetAsync(CacheKeys.Primary(origin.Url("/doc")), default));
        var trace = bobWrite.GetStatusSemanticsTrace()!.Entries.Where(e => e.Stage == StatusSemanticsStage.Cache).ToArray();
        Assert.Contains(trace, e => e.Decision == "precondition" && e.Reason!.Contains("\"v1\"", StringComparison.Ordinal));
        Assert.Contains(trace, e => e.Decision == "invalidate" && e.StatusCode == 412);

        origin.ClearRequests();
        Assert.Equal("from alice", await bob.GetStringAsync(origin.Url("/doc")));
        Assert.Null(origin.RequestsTo("/doc").Single().Header("If-None-Match")); // fetched afresh, not revalidated
    }

    [Fact]
    public async Task ConditionalWritesOff_NoPreconditionIsAdded_AndTheSecondWriterSilentlyOverwrites()
    {
        await using var origin = await TestOrigin.StartAsync();
        var resource = new VersionedResource(origin, "/doc");
        await using var alice = CacheTestKit.Client(name: "alice");
        await using var bob = CacheTestKit.Client(name: "bob");
        await alice.GetStringAsync(origin.Url("/doc"));
        await bob.GetStringAsync(origin.Url("/doc"));

        using var aliceWrite = await alice.CreateHttpClient().PutAsync(origin.Url("/doc"), new StringContent("from alice"));
        using var bobWrite = await bob.CreateHttpClient().PutAsync(origin.Url("/doc"), new StringContent("from bob"));

        Assert.Equal(HttpStatusCode.NoContent, bobWrite.StatusCode);
        Assert.All(origin.RequestsTo("/doc").Where(r => r.Method == "PUT"), put =>
        {
            Assert.Null(put.Header("If-Match"));
            Assert.Null(put.Header("If-Unmodified-Since"));
        });
        Assert.Equal("from bob", resource.Body);
    }

    [Theory]
    [InlineData("If-Match", "\"v7\"")]
    [InlineData("If-Match", "*")]
    [InlineData("If-Unmodified-Since", "Sun, 01 Mar 2026 07:00:00 GMT")]
    [InlineData("If-None-Match", "*")]
    public async Task CallerSetPrecondition_IsSentAsIs_AndNothingIsAdded(string name, string value)
    {
        await using var origin = await TestOrigin.StartAsync();
        _ = new VersionedResource(origin, "/doc");
        await using var client = CacheTestKit.Client(o => o.Cache.ConditionalWrites = true);
        await client.GetStringAsync(origin.Url("/doc"));

        using var request = new HttpRequestMessage(HttpMethod.Put, origin.Url("/doc")) { Content = new StringContent("x") };
        request.Headers.TryAddWithoutValidation(name, value);
        using var response = await client.CreateHttpClient().SendAsync(request);

        var put = origin.RequestsTo("/doc").Single(r => r.Method == "PUT");
        Assert.Equal(value, put.Header(name));
        foreach (var other in new[] { "If-Match", "If-Unmodified-Since", "If-None-Match" }.Where(n => n != name))
        {
            Assert.Null(put.Header(other));
        }
    }

    [Fact]
    public async Task WeakETag_FallsBackToIfUnmodifiedSince_WithTheStoredLastModified()
    {
        const string modified = "Sun, 01 Mar 2026 07:00:00 GMT";
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/weak", async ctx =>
        {
            ctx.Response.Headers.ETag = "W/\"v1\"";
            ctx.Response.Headers.LastModified = modified;
            ctx.Response.Headers.CacheControl = "no-cache";
            ctx.Response.StatusCode = ctx.Request.Method == "GET" ? 200 : 204;
            if (ctx.Request.Method == "GET")
            {
                await ctx.Response.WriteAsync("weak");
            }
        });
        await using var client = CacheTestKit.Client(o => o.Cache.ConditionalWrites = true);
        await client.GetStringAsync(origin.Url("/weak"));

        using var response = await client.CreateHttpClient().DeleteAsync(origin.Url("/weak"));

        var delete = origin.RequestsTo("/weak").Single(r => r.Method == "DELETE");
        Assert.Null(delete.Header("If-Match"));
        Assert.Equal(modified, delete.Header("If-Unmodified-Since"));
    }

    [Fact]
    public async Task Put_RedirectedToAnotherUri_DoesNotCarryTheFirstUrisPrecondition()
    {
        await using var origin = await TestOrigin.StartAsync();
        _ = new VersionedResource(origin, "/doc");
        await using var client = CacheTestKit.Client(o => o.Cache.ConditionalWrites = true);
        await client.GetStringAsync(origin.Url("/doc"));
        origin.MapStatus("/doc", 307, null, ("Location", "/elsewhere")).MapStatus("/elsewhere", 204);

        using var response = await client.CreateHttpClient().PutAsync(origin.Url("/doc"), new StringContent("x"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("\"v1\"", origin.RequestsTo("/doc").Single(r => r.Method == "PUT").Header("If-Match"));
        Assert.Null(origin.RequestsTo("/elsewhere").Single().Header("If-Match"));
    }

    [Fact]
    public async Task Handler_AddsThePreconditionForThisSendOnly_SoARedirectedResendDoesNotCarryIt()
    {
        const string url = "http://origin.test/doc";
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, url).Respond(_ =>
        {
            var ok = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("doc"u8.ToArray()) };
            ok.Headers.TryAddWithoutValidation("ETag", "\"v1\"");
            ok.Headers.TryAddWithoutValidation("Cache-Control", "max-age=60");
            return ok;
        });
        var conditional = mock.When(HttpMethod.Put, url).WithHeaders("If-Match", "\"v1\"").Respond(HttpStatusCode.PreconditionFailed);
        var store = new MemoryResponseCacheStore(1 << 20);
        var handler = CacheHandlerTests.Handler(store, new FakeTimeProvider(CacheTestKit.Start), mock, new CacheOptions { ConditionalWrites = true });
        using var invoker = new HttpMessageInvoker(handler);
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), default)).Dispose();

        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent("x") };
        using var response = await invoker.SendAsync(put, default);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(1, mock.GetMatchCount(conditional));
        Assert.False(put.Headers.Contains("If-Match"));
        Assert.Empty(await store.GetAsync(CacheKeys.Primary(new Uri(url)), default));
    }

    /// <summary>
    /// A tiny versioned resource: GET answers the body with ETag "vN" and no-cache; PUT with an If-Match that is not
    /// the current ETag answers 412, else (or without If-Match) replaces the body and moves to the next version.
    /// </summary>
    private sealed class VersionedResource
    {
        private int _version = 1;

        public VersionedResource(TestOrigin origin, string path) => origin.Map(path, HandleAsync);

        public string Body { get; private set; } = "first";

        private string ETag => $"\"v{_version}\"";

        private async Task HandleAsync(HttpContext ctx)
        {
            if (ctx.Request.Method == "GET")
            {
                ctx.Response.Headers.ETag = ETag;
                ctx.Response.Headers.CacheControl = "no-cache";
                await ctx.Response.WriteAsync(Body);
                return;
            }

            var ifMatch = ctx.Request.Headers.IfMatch.ToString();
            if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != ETag)
            {
                ctx.Response.StatusCode = StatusCodes.Status412PreconditionFailed;
                return;
            }

            using var reader = new StreamReader(ctx.Request.Body);
            Body = await reader.ReadToEndAsync();
            _version++;
            ctx.Response.Headers.ETag = ETag;
            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
        }
    }
}
