using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ClientSemantics.Tests.Caching;

/// <summary>Concurrent misses and revalidations of one entry become one origin request.</summary>
public sealed class CacheCoalescingTests
{
    [Fact]
    public async Task ThousandConcurrentRequests_ForOneColdUrl_MakeOneOriginRequest_EachWithItsOwnBody()
    {
        const int Callers = 1000;
        await using var origin = await TestOrigin.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        origin.Map("/cold", async ctx =>
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(60));
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.ContentLength = 4;
            await ctx.Response.WriteAsync("cold");
        });
        await using var client = CacheTestKit.Client(name: "coalescing-miss");
        using var counter = new CacheTestKit.ResultCounter("coalescing-miss");
        var http = client.CreateHttpClient();

        var calls = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => http.GetAsync(origin.Url("/cold")))).ToArray();
        await counter.WhenAsync("wait", Callers - 1).WaitAsync(TimeSpan.FromSeconds(60)); // everyone but the leader is waiting
        gate.SetResult();
        var responses = await Task.WhenAll(calls);

        Assert.Equal(1, origin.CountFor("/cold"));
        Assert.Equal(Callers, responses.Distinct().Count());
        Assert.Equal(Callers, responses.Select(r => r.Content).Distinct().Count());
        foreach (var response in responses)
        {
            Assert.Equal("cold", await response.Content.ReadAsStringAsync());
            response.Dispose();
        }

        Assert.Equal(Callers - 1, responses.Count(r => r.CacheStatus() == "ClientSemantics; hit; collapsed"));
    }

    [Fact]
    public async Task ConcurrentRevalidations_OfOneEntry_MakeOneConditionalRequest()
    {
        const int Callers = 50;
        await using var origin = await TestOrigin.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        origin.Map("/reval", async ctx =>
        {
            ctx.Response.Headers.CacheControl = "no-cache";
            ctx.Response.Headers.ETag = "\"r\"";
            if (ctx.Request.Headers.IfNoneMatch == "\"r\"")
            {
                await gate.Task.WaitAsync(TimeSpan.FromSeconds(60));
                ctx.Response.StatusCode = 304;
                return;
            }

            ctx.Response.ContentLength = 5;
            await ctx.Response.WriteAsync("reval");
        });
        await using var client = CacheTestKit.Client(name: "coalescing-reval");
        using var counter = new CacheTestKit.ResultCounter("coalescing-reval");
        var http = client.CreateHttpClient();
        await http.GetStringAsync(origin.Url("/reval"));

        var calls = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => http.GetStringAsync(origin.Url("/reval")))).ToArray();
        await counter.WhenAsync("wait", Callers - 1).WaitAsync(TimeSpan.FromSeconds(60));
        gate.SetResult();

        Assert.All(await Task.WhenAll(calls), body => Assert.Equal("reval", body));
        Assert.Equal(2, origin.CountFor("/reval"));
    }

    [Fact]
    public async Task ConcurrentRequests_ForAUrlWhoseLastAnswerWasNotStorable_GoOutSideBySide_AndCoalesceAgainOnceStorable()
    {
        const int Callers = 20;
        await using var origin = await TestOrigin.StartAsync();
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var storable = false;
        origin.Map("/plain", async ctx =>
        {
            if (Volatile.Read(ref storable))
            {
                ctx.Response.Headers.CacheControl = "max-age=60";
            }
            else if (Interlocked.Increment(ref arrived) > 1)
            {
                // Every concurrent caller must reach the origin while the others are still held here: none waits on another.
                if (arrived == Callers + 1)
                {
                    allArrived.SetResult();
                }

                await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }

            ctx.Response.ContentLength = 5;
            await ctx.Response.WriteAsync("plain");
        });
        await using var client = CacheTestKit.Client(name: "coalescing-not-storable");
        using var counter = new CacheTestKit.ResultCounter("coalescing-not-storable");
        var http = client.CreateHttpClient();
        Assert.Equal("plain", await http.GetStringAsync(origin.Url("/plain"))); // no validator, no freshness: not stored

        var calls = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => http.GetStringAsync(origin.Url("/plain")))).ToArray();
        Assert.All(await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60)), body => Assert.Equal("plain", body));
        Assert.Equal(Callers + 1, origin.CountFor("/plain"));
        Assert.Equal(0, counter.Count("wait"));

        // The URL turns storable: it is stored, and the next callers are hits again.
        Volatile.Write(ref storable, true);
        await http.GetStringAsync(origin.Url("/plain"));
        await http.GetStringAsync(origin.Url("/plain"));
        Assert.Equal(Callers + 2, origin.CountFor("/plain"));
    }
}
