using System.Text;
using ClientSemantics.Tests.Caching;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ClientSemantics.Tests.Redis;

/// <summary>What the Redis cache store writes: chunked bodies, retention, hashed key names, and what it does with damage.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCacheStorageTests(RedisServer redis)
{
    [Fact]
    public async Task Get_LargeBody_IsStoredInChunks_AndReadBackWhole()
    {
        var body = new byte[(1024 * 1024) + 123];
        new Random(7).NextBytes(body);
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/big", async ctx =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.ContentLength = body.Length;
            await ctx.Response.Body.WriteAsync(body);
        });
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix, o => o.BodyChunkBytes = 64 * 1024, c => c.Cache.MaxEntryBytes = 4 * 1024 * 1024);
        await using var second = RedisInstances.Create(redis, prefix, configure: c => c.Cache.MaxEntryBytes = 4 * 1024 * 1024);

        (await first.CreateHttpClient().GetAsync(origin.Url("/big"))).Dispose();
        var read = await second.CreateHttpClient().GetByteArrayAsync(origin.Url("/big"));

        Assert.Equal(body, read);
        Assert.Equal(1, origin.CountFor("/big"));
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var bodyKeys = await Keys(raw, prefix + ":*:b1:*");
        Assert.Equal(17, await raw.GetDatabase().HashLengthAsync(Assert.Single(bodyKeys)));
    }

    [Fact]
    public async Task Get_SmallBody_TravelsInTheMetadata_WithoutABodyKey()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/small", 200, "tiny", ("Cache-Control", "max-age=60"));
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix);
        await using var second = RedisInstances.Create(redis, prefix);

        await first.GetStringAsync(origin.Url("/small"));

        Assert.Equal("tiny", await second.GetStringAsync(origin.Url("/small")));
        Assert.Equal(1, origin.CountFor("/small"));
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        Assert.Empty(await Keys(raw, prefix + ":*:b1:*"));
    }

    [Fact]
    public async Task Set_KeepsTheEntryForItsFreshnessPlusTheRetention()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/t", 200, "x", ("Cache-Control", "max-age=60"));
        var prefix = RedisInstances.NewPrefix();
        await using var client = RedisInstances.Create(redis, prefix, o => o.StaleRetention = TimeSpan.FromHours(2));

        await client.GetStringAsync(origin.Url("/t"));

        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var ttl = await raw.GetDatabase().KeyTimeToLiveAsync(Assert.Single(await Keys(raw, prefix + ":*:c1:*")));
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(2), TimeSpan.FromHours(2) + TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Keys_AndValues_HoldNoCredentialOrQueryInClear()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/s", 200, "x", ("Cache-Control", "private, max-age=60"), ("Vary", "Authorization"));
        var prefix = RedisInstances.NewPrefix();
        await using var client = RedisInstances.Create(redis, prefix);

        await client.GetStringAsync(origin.Url("/s?token=querysecret"), r => r.Headers.Add("Authorization", "Bearer headersecret"));

        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var keys = await Keys(raw, prefix + ":*");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.DoesNotContain("secret", key.ToString(), StringComparison.Ordinal);
            var type = await raw.GetDatabase().KeyTypeAsync(key);
            var values = type == RedisType.Hash ? (await raw.GetDatabase().HashGetAllAsync(key)).Select(e => (byte[])e.Value!) : [];
            Assert.All(values, v => Assert.DoesNotContain("headersecret", Encoding.UTF8.GetString(v), StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("metadata")]
    [InlineData("body")]
    public async Task Get_DamagedEntry_IsAMiss_AndIsDeleted(string damage)
    {
        await using var origin = await TestOrigin.StartAsync();
        var intact = new string('i', 5000); // over one 4 KiB chunk: the body gets a key of its own
        origin.MapBody("/d", 200, intact, ("Cache-Control", "max-age=60"));
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix, o => o.BodyChunkBytes = 4096);
        await first.GetStringAsync(origin.Url("/d"));
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var db = raw.GetDatabase();
        var meta = Assert.Single(await Keys(raw, prefix + ":*:c1:*"));
        if (damage == "metadata")
        {
            var field = (await db.HashKeysAsync(meta))[0];
            await db.HashSetAsync(meta, field, new byte[] { 1, 0xFF, 0xFF, 0xFF, 0x7F, 9 });
        }
        else
        {
            await db.HashSetAsync(Assert.Single(await Keys(raw, prefix + ":*:b1:*")), 0, "tamper");
        }

        await using var second = RedisInstances.Create(redis, prefix, o => o.BodyChunkBytes = 4096);
        Assert.Equal(intact, await second.GetStringAsync(origin.Url("/d")));

        Assert.Equal(2, origin.CountFor("/d"));
        Assert.Contains(origin.Requests, r => r.Path == "/d"); // the miss went to the origin, and no exception reached the caller
        var fields = await db.HashGetAllAsync(meta);
        Assert.All(fields, f => Assert.True(CanRead(f.Value!)));
    }

    [Fact]
    public async Task Get_LocalCopy_IsTrustedAtMostLocalTtl_WhenNoInvalidationArrives()
    {
        var time = new FakeTimeProvider(CacheTestKit.Start);
        var prefix = RedisInstances.NewPrefix();
        await using var client = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromSeconds(2), time: time);
        var store = client.RedisCache();
        var entry = new CachedResponse
        {
            StatusCode = 200,
            Headers = [new("Cache-Control", "max-age=60")],
            ContentHeaders = [],
            Body = "b"u8.ToArray(),
            RequestTime = time.GetUtcNow(),
            ResponseTime = time.GetUtcNow(),
        };
        await store.SetAsync("http://x.test/l", entry, CancellationToken.None);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await raw.GetDatabase().KeyDeleteAsync(Assert.Single(await Keys(raw, prefix + ":*:c1:*"))); // gone, unannounced

        Assert.Single(await store.GetAsync("http://x.test/l", CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(await store.GetAsync("http://x.test/l", CancellationToken.None));
    }

    private static bool CanRead(byte[] meta) => ClientSemantics.Redis.CacheEntryFormat.TryRead(meta, long.MaxValue, out _);

    private static async Task<List<RedisKey>> Keys(IConnectionMultiplexer raw, string pattern)
    {
        var keys = new List<RedisKey>();
        await foreach (var key in raw.GetServers()[0].KeysAsync(pattern: pattern))
        {
            keys.Add(key);
        }

        return keys;
    }
}
