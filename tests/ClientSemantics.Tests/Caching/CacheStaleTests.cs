using ClientSemantics.Caching;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Tests.Caching;

/// <summary>stale-while-revalidate and stale-if-error (RFC 5861).</summary>
public sealed class CacheStaleTests
{
    [Fact]
    public async Task Get_WithinStaleWhileRevalidate_AnswersStaleAtOnce_AndRevalidatesOnceInTheBackground()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapValidated("/swr", "max-age=1, stale-while-revalidate=60", "\"w\"", "swr");
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new SignallingStore(stored, setsBeforeSignal: 2);
        await using var client = CacheTestKit.Client(services: s => s.AddKeyedSingleton<IResponseCacheStore>(TestClient.DefaultName, store));
        var http = client.CreateHttpClient();

        await http.GetStringAsync(origin.Url("/swr"));
        client.FakeTime.Advance(TimeSpan.FromSeconds(5));
        using var stale = await http.GetAsync(origin.Url("/swr"));
        await stored.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the background 304 was merged into the store
        using var fresh = await http.GetAsync(origin.Url("/swr"));

        Assert.Equal("ClientSemantics; hit; detail=stale", stale.CacheStatus());
        Assert.Equal("swr", await stale.Content.ReadAsStringAsync());
        Assert.Equal("ClientSemantics; hit", fresh.CacheStatus());
        Assert.Equal([null, "\"w\""], origin.RequestsTo("/swr").Select(r => r.Header("If-None-Match")));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Get_OriginAnswers5xx_WithinStaleIfError_AnswersTheStaleEntry(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        var failing = false;
        origin.Map("/sie", async ctx =>
        {
            if (failing)
            {
                ctx.Response.StatusCode = status;
                return;
            }

            ctx.Response.Headers.CacheControl = "max-age=1, stale-if-error=60";
            await ctx.Response.WriteAsync("kept");
        });
        await using var client = CacheTestKit.Client(o => o.RetryAfter.MaxRetries = 0);
        var http = client.CreateHttpClient();
        await http.GetStringAsync(origin.Url("/sie"));
        failing = true;
        client.FakeTime.Advance(TimeSpan.FromSeconds(10));

        using var response = await http.GetAsync(origin.Url("/sie"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("kept", await response.Content.ReadAsStringAsync());
        Assert.Equal($"ClientSemantics; fwd=stale; fwd-status={status}; detail=stale-if-error", response.CacheStatus());
    }

    [Fact]
    public async Task Get_OriginUnreachable_WithinStaleIfError_AnswersTheStaleEntry_AndBeyondItFails()
    {
        var origin = await TestOrigin.StartAsync();
        origin.MapBody("/down", 200, "kept", ("Cache-Control", "max-age=1, stale-if-error=60"));
        await using var client = CacheTestKit.Client(o => o.RetryAfter.MaxRetries = 0);
        var http = client.CreateHttpClient();
        var url = origin.Url("/down");
        await http.GetStringAsync(url);
        await origin.DisposeAsync();
        client.FakeTime.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("kept", await http.GetStringAsync(url));
        client.FakeTime.Advance(TimeSpan.FromSeconds(120));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(url));
    }

    /// <summary>The in-memory store, signalling after a number of writes, so a test can wait for a background revalidation.</summary>
    private sealed class SignallingStore(TaskCompletionSource signal, int setsBeforeSignal) : IResponseCacheStore
    {
        private readonly MemoryResponseCacheStore _inner = new(1 << 20);
        private int _sets;

        public ValueTask<IReadOnlyList<CachedResponse>> GetAsync(string key, CancellationToken cancellationToken) => _inner.GetAsync(key, cancellationToken);

        public async ValueTask SetAsync(string key, CachedResponse response, CancellationToken cancellationToken)
        {
            await _inner.SetAsync(key, response, cancellationToken);
            if (Interlocked.Increment(ref _sets) >= setsBeforeSignal)
            {
                signal.TrySetResult();
            }
        }

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => _inner.RemoveAsync(key, cancellationToken);
    }
}
