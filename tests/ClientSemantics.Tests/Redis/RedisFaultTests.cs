using System.Diagnostics;
using System.Net;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Tests.Redis;

/// <summary>
/// Redis down, stalled or not Redis at all: every request still succeeds from local state, and sharing resumes
/// by itself when Redis returns. Each test runs its own redis-server, so killing it disturbs no other test.
/// </summary>
public sealed class RedisFaultTests
{
    private static void Faulty(RedisStoreOptions o)
    {
        o.OperationTimeout = TimeSpan.FromMilliseconds(300);
        o.BreakDuration = TimeSpan.FromMilliseconds(200);
    }

    [Fact]
    public async Task Get_RedisKilledDuringConcurrentRequests_NoRequestFails_AndSharingResumesAfterRestart()
    {
        await using var server = await RedisServer.StartAsync();
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200, "ok")
            .MapStatus("/plain", 200, "ok").MapStatus("/old-after", 301, null, ("Location", "/new"));
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(server, prefix, Faulty);
        await using var second = RedisInstances.Create(server, prefix, Faulty);
        var clients = new[] { first.CreateHttpClient(), second.CreateHttpClient() };

        var killed = 0;
        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            if (i == 60 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                server.Kill();
            }

            using var response = await clients[i % 2].GetAsync(origin.Url(i % 3 == 0 ? "/plain" : "/old"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        });
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, killed);
        Assert.All(results, r => Assert.Equal((HttpStatusCode.OK, "ok"), r));

        await server.RestartAsync();
        await WaitUntilSharedAsync(first, second);
        using (await clients[0].GetAsync(origin.Url("/old-after")))
        {
        }

        using var shortcut = await clients[1].GetAsync(origin.Url("/old-after"));
        Assert.Equal(HttpStatusCode.OK, shortcut.StatusCode);
        Assert.Equal(1, origin.CountFor("/old-after"));
    }

    [Fact]
    public async Task Get_RedisStalled_RequestsSucceedWithinTheTimeouts()
    {
        await using var server = await RedisServer.StartAsync();
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200, "ok");
        await using var client = RedisInstances.Create(server, RedisInstances.NewPrefix(), Faulty);
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/new"))).Dispose(); // connected before the stall

        server.Freeze(true);
        try
        {
            var watch = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            {
                using var response = await http.GetAsync(origin.Url("/old"));
                return response.StatusCode;
            }));

            Assert.All(results, s => Assert.Equal(HttpStatusCode.OK, s));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        }
        finally
        {
            server.Freeze(false);
        }
    }

    [Fact]
    public async Task Get_NoRedisListening_RequestsSucceed_FromLocalState()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200, "ok");
        var nobody = new RedisServer(); // a free port, never started
        await using var client = RedisInstances.Create(nobody, RedisInstances.NewPrefix(), Faulty);
        var http = client.CreateHttpClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(origin.Url("/old"));
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, origin.CountFor("/old")); // the redirect is still remembered locally
    }

    [Fact]
    public async Task Get_SomethingElseThanRedisOnThePort_RequestsSucceed()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/busy", 503, null, ("Retry-After", "1")).MapStatus("/new", 200, "ok");
        await using var notRedis = await TestOrigin.StartAsync(); // answers RESP with HTTP: garbage to the client
        await using var client = TestClient.Create(configureClient: b => b.UseRedis($"127.0.0.1:{notRedis.Port}", Faulty));

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/new"));

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    private static Task WaitUntilSharedAsync(TestClient first, TestClient second)
    {
        var key = new PermanentRedirectKey(new Uri("http://probe.test/" + Guid.NewGuid().ToString("N")));
        var redirect = new PermanentRedirect(key, new Uri("http://probe.test/to"), 308, first.Time.GetUtcNow().AddHours(1));
        var writer = first.Services.GetRequiredKeyedService<IPermanentRedirectStore>(first.Name);
        var reader = second.Services.GetRequiredKeyedService<IPermanentRedirectStore>(second.Name);
        return SharedRedirectTests.WaitUntilAsync(async () =>
        {
            await writer.SetAsync(redirect, CancellationToken.None);
            return await reader.TryGetAsync(key, CancellationToken.None) is not null;
        });
    }
}
