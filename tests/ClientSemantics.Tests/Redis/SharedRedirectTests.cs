using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ClientSemantics.Tests.Redis;

/// <summary>A permanent redirect learned by one instance sends the others straight to the target.</summary>
[Collection(RedisCollection.Name)]
public sealed class SharedRedirectTests(RedisServer redis)
{
    [Fact]
    public async Task Get_301LearnedByOneInstance_SendsTheOtherStraightToTheTarget()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200, "moved");
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix);
        await using var second = RedisInstances.Create(redis, prefix);

        using (var learned = await first.CreateHttpClient().GetAsync(origin.Url("/old")))
        {
            Assert.Equal("moved", await learned.Content.ReadAsStringAsync());
        }

        using var shortcut = await second.CreateHttpClient().GetAsync(origin.Url("/old"));

        Assert.Equal("moved", await shortcut.Content.ReadAsStringAsync());
        Assert.Equal(1, origin.CountFor("/old"));
        Assert.Equal(2, origin.CountFor("/new"));
        Assert.Contains(shortcut.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "hit");
    }

    [Fact]
    public async Task Get_301LearnedByOneInstance_ReachesAnOtherThatAlreadyFoundNone_DespiteLongLocalTtl()
    {
        await using var origin = await TestOrigin.StartAsync();
        var moved = false;
        origin.Map("/old", ctx =>
        {
            ctx.Response.StatusCode = Volatile.Read(ref moved) ? 301 : 200;
            if (Volatile.Read(ref moved))
            {
                ctx.Response.Headers.Location = "/new";
            }

            return Task.CompletedTask;
        }).MapStatus("/new", 200);
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1));
        await using var second = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1));
        (await second.CreateHttpClient().GetAsync(origin.Url("/old"))).Dispose(); // not moved yet: "none" remembered
        Volatile.Write(ref moved, true);

        (await first.CreateHttpClient().GetAsync(origin.Url("/old"))).Dispose();
        var key = new PermanentRedirectKey(origin.Url("/old"));
        var store = second.Services.GetRequiredKeyedService<IPermanentRedirectStore>(second.Name);
        await WaitUntilAsync(async () => await store.TryGetAsync(key, CancellationToken.None) is not null);
        (await second.CreateHttpClient().GetAsync(origin.Url("/old"))).Dispose();

        Assert.Equal(2, origin.CountFor("/old"));
    }

    [Fact]
    public async Task Get_RedirectForgottenByOneInstance_IsForgottenByTheOther_DespiteItsLocalCopy()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200);
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1));
        await using var second = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1));
        (await first.CreateHttpClient().GetAsync(origin.Url("/old"))).Dispose();
        (await second.CreateHttpClient().GetAsync(origin.Url("/old"))).Dispose(); // second now holds a local copy
        var key = new PermanentRedirectKey(origin.Url("/old"));

        await first.Services.GetRequiredKeyedService<IPermanentRedirectStore>(first.Name).RemoveAsync(key, CancellationToken.None);

        var store = second.Services.GetRequiredKeyedService<IPermanentRedirectStore>(second.Name);
        await WaitUntilAsync(async () => await store.TryGetAsync(key, CancellationToken.None) is null);
    }

    [Fact]
    public async Task TryGet_GarbageUnderTheKey_IsAMiss_AndIsDeleted()
    {
        var prefix = RedisInstances.NewPrefix();
        await using var client = RedisInstances.Create(redis, prefix);
        var store = client.Services.GetRequiredKeyedService<IPermanentRedirectStore>(client.Name);
        var key = new PermanentRedirectKey(new Uri("http://example.test/old?token=secret"));
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var redisKey = new ClientSemantics.Redis.RedisKeys(prefix, client.Name).Redirect(key.ToString());
        await raw.GetDatabase().StringSetAsync(redisKey, new byte[] { 1, 2, 3, 250 });

        var entry = await store.TryGetAsync(key, CancellationToken.None);

        Assert.Null(entry);
        Assert.False(await raw.GetDatabase().KeyExistsAsync(redisKey));
        Assert.DoesNotContain("secret", redisKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_ForgetsEveryRedirectOfTheClient_InRedis()
    {
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix);
        await using var second = RedisInstances.Create(redis, prefix);
        var store = first.Services.GetRequiredKeyedService<IPermanentRedirectStore>(first.Name);
        var key = new PermanentRedirectKey(new Uri("http://example.test/a"));
        await store.SetAsync(new PermanentRedirect(key, new Uri("http://example.test/b"), 308, first.Time.GetUtcNow().AddHours(1)), CancellationToken.None);
        var other = second.Services.GetRequiredKeyedService<IPermanentRedirectStore>(second.Name);
        Assert.NotNull(await other.TryGetAsync(key, CancellationToken.None));

        await store.ClearAsync(CancellationToken.None);

        await WaitUntilAsync(async () => await other.TryGetAsync(key, CancellationToken.None) is null);
    }

    /// <summary>Pub/sub delivery is asynchronous: poll, bounded, instead of sleeping a fixed time.</summary>
    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(bound.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Yield();
            await Task.Delay(10);
        }
    }
}
