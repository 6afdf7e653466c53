using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ClientSemantics.Tests.Caching;

/// <summary>Bodies: never store a truncated one, stream a large one through without buffering it whole.</summary>
public sealed class CacheBodyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Get_OriginAbortsMidBody_NothingIsStored_NextRequestIsAMiss(bool knownLength)
    {
        await using var origin = await TestOrigin.StartAsync();
        var calls = 0;
        origin.Map("/cut", async ctx =>
        {
            ctx.Response.Headers.CacheControl = "max-age=600";
            if (knownLength)
            {
                ctx.Response.ContentLength = 100;
            }

            await ctx.Response.Body.WriteAsync(new byte[50]);
            await ctx.Response.Body.FlushAsync();
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Abort();
                return;
            }

            await ctx.Response.Body.WriteAsync(new byte[50]);
        });
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();

        await Assert.ThrowsAnyAsync<Exception>(() => http.GetByteArrayAsync(origin.Url("/cut")));
        Assert.Equal(100, (await http.GetByteArrayAsync(origin.Url("/cut"))).Length);
        Assert.Equal(100, (await http.GetByteArrayAsync(origin.Url("/cut"))).Length);

        Assert.Equal(2, origin.CountFor("/cut"));
    }

    [Fact]
    public async Task Get_CallerStopsReadingMidBody_NothingIsStored()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapChunked("/partial", new string('p', 100_000), ("Cache-Control", "max-age=600"));
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();

        using (var response = await http.GetAsync(origin.Url("/partial"), HttpCompletionOption.ResponseHeadersRead))
        {
            var stream = await response.Content.ReadAsStreamAsync();
            Assert.True(await stream.ReadAsync(new byte[10]) > 0);
        }

        await client.GetStringAsync(origin.Url("/partial"));
        await client.GetStringAsync(origin.Url("/partial"));

        Assert.Equal(2, origin.CountFor("/partial"));
    }

    [Fact]
    public async Task Get_ChunkedBodyReadToTheEnd_IsStored()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapChunked("/chunked", "streamed", ("Cache-Control", "max-age=600"));
        await using var client = CacheTestKit.Client();

        Assert.Equal("streamed", await client.GetStringAsync(origin.Url("/chunked")));
        Assert.Equal("streamed", await client.GetStringAsync(origin.Url("/chunked")));

        Assert.Equal(1, origin.CountFor("/chunked"));
    }

    [Fact]
    public async Task Get_BodyOverMaxEntryBytes_StreamsThroughBeforeTheOriginFinishes_AndIsNotStored()
    {
        await using var origin = await TestOrigin.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        origin.Map("/big", async ctx =>
        {
            ctx.Response.Headers.CacheControl = "max-age=600";
            ctx.Response.ContentLength = 4000;
            await ctx.Response.Body.WriteAsync(new byte[2000]);
            await ctx.Response.Body.FlushAsync();
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await ctx.Response.Body.WriteAsync(new byte[2000]);
        });
        await using var client = CacheTestKit.Client(o => o.Cache.MaxEntryBytes = 1000);
        var http = client.CreateHttpClient();

        using (var response = await http.GetAsync(origin.Url("/big"), HttpCompletionOption.ResponseHeadersRead))
        {
            var stream = await response.Content.ReadAsStreamAsync();
            var read = 0;
            var buffer = new byte[4096];
            while (read < 2000)
            {
                read += await stream.ReadAsync(buffer); // arrives while the origin still holds back the rest
            }

            gate.SetResult();
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                read += n;
            }

            Assert.Equal(4000, read);
        }

        Assert.Equal(4000, (await http.GetByteArrayAsync(origin.Url("/big"))).Length);
        Assert.Equal(2, origin.CountFor("/big"));
        Assert.Equal(0, client.Store().Size);
    }
}
