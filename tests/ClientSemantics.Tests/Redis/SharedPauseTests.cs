using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ClientSemantics.Tests.Redis;

/// <summary>A 503 with Retry-After seen by one instance pauses the origin for every instance.</summary>
[Collection(RedisCollection.Name)]
public sealed class SharedPauseTests(RedisServer redis)
{
    [Fact]
    public async Task Get_503RetryAfterSeenByOneInstance_PausesTheOther_WithoutSending()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/busy", 503, null, ("Retry-After", "120")).MapStatus("/other", 200);
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix);
        await using var second = RedisInstances.Create(redis, prefix);

        using var seen = await first.CreateHttpClient().GetAsync(origin.Url("/busy"));
        var error = await Assert.ThrowsAsync<RetryAfterPauseException>(() => second.CreateHttpClient().GetAsync(origin.Url("/other")));

        Assert.Equal(503, (int)seen.StatusCode);
        Assert.Single(origin.Requests);
        Assert.Equal(origin.BaseUri.GetLeftPart(UriPartial.Authority), error.Origin);
        Assert.InRange(error.RetryAfter, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task GetResumeAt_OtherInstanceAlreadyFoundNoPause_SeesTheNewPause_DespiteLongLocalTtl()
    {
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1));
        await using var second = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1));
        Assert.Null(await Store(second).GetResumeAtAsync("http://a.test:80", CancellationToken.None)); // remembered as "no pause"
        var resumeAt = DateTimeOffset.FromUnixTimeMilliseconds(first.Time.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds());

        await Store(first).PauseUntilAsync("http://a.test:80", resumeAt, CancellationToken.None);

        await SharedRedirectTests.WaitUntilAsync(async () => await Store(second).GetResumeAtAsync("http://a.test:80", CancellationToken.None) == resumeAt);
    }

    [Fact]
    public async Task PauseUntil_OfTwoPauses_TheLaterWins_AcrossInstances()
    {
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix);
        await using var second = RedisInstances.Create(redis, prefix);
        var now = first.Time.GetUtcNow();
        var later = DateTimeOffset.FromUnixTimeMilliseconds(now.AddMinutes(10).ToUnixTimeMilliseconds());

        await Store(first).PauseUntilAsync("http://a.test:80", later, CancellationToken.None);
        await Store(second).PauseUntilAsync("http://a.test:80", now.AddMinutes(1), CancellationToken.None);
        await using var third = RedisInstances.Create(redis, prefix);

        Assert.Equal(later, await Store(third).GetResumeAtAsync("http://a.test:80", CancellationToken.None));
        Assert.Null(await Store(third).GetResumeAtAsync("http://b.test:80", CancellationToken.None));
    }

    [Fact]
    public async Task GetResumeAt_GarbageInRedis_IsNotAPause_AndIsDeleted()
    {
        var prefix = RedisInstances.NewPrefix();
        await using var client = RedisInstances.Create(redis, prefix);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var key = new ClientSemantics.Redis.RedisKeys(prefix, client.Name).Pause("http://a.test:80");
        await raw.GetDatabase().StringSetAsync(key, "not a time");

        Assert.Null(await Store(client).GetResumeAtAsync("http://a.test:80", CancellationToken.None));
        Assert.False(await raw.GetDatabase().KeyExistsAsync(key));
    }

    private static IOriginPauseStore Store(TestClient client) => client.Services.GetRequiredKeyedService<IOriginPauseStore>(client.Name);
}
