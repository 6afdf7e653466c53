using ClientSemantics.Tests.Caching;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ClientSemantics.Tests.Redis;

/// <summary>One response cache for a fleet: what one instance stores or revalidates, the other uses.</summary>
[Collection(RedisCollection.Name)]
public sealed class SharedCacheTests(RedisServer redis)
{
    [Fact]
    public async Task Get_ResponseCachedByOneInstance_IsAFreshHitForTheOther()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/c", 200, "shared", ("Cache-Control", "max-age=60"));
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix);
        await using var second = RedisInstances.Create(redis, prefix);

        Assert.Equal("shared", await first.GetStringAsync(origin.Url("/c")));
        using var hit = await second.CreateHttpClient().GetAsync(origin.Url("/c"));

        Assert.Equal("shared", await hit.Content.ReadAsStringAsync());
        Assert.Equal(1, origin.CountFor("/c"));
        Assert.Contains("hit", hit.CacheStatus(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_304RevalidatedByOneInstance_RefreshesTheEntryForBoth()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapValidated("/v", "max-age=60", "\"v1\"", "body");
        var time = new FakeTimeProvider(CacheTestKit.Start);
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1), time: time);
        await using var second = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1), time: time);
        await first.GetStringAsync(origin.Url("/v"));
        await second.GetStringAsync(origin.Url("/v")); // the second now holds a local copy, soon stale
        time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal("body", await first.GetStringAsync(origin.Url("/v"))); // stale: revalidated with a 304
        await SharedRedirectTests.WaitUntilAsync(() => Task.FromResult(!second.RedisCache().HasLocalCopy(Key(origin, "/v"))));
        using var refreshed = await second.CreateHttpClient().GetAsync(origin.Url("/v"));

        Assert.Equal("body", await refreshed.Content.ReadAsStringAsync());
        Assert.Contains("hit", refreshed.CacheStatus(), StringComparison.Ordinal);
        Assert.Equal(2, origin.CountFor("/v"));
        Assert.Equal("\"v1\"", origin.Requests[^1].Header("If-None-Match"));
    }

    [Fact]
    public async Task Post_InvalidationByOneInstance_DropsTheOthersLocalCopy()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/i", 200, "v", ("Cache-Control", "max-age=600"));
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1));
        await using var second = RedisInstances.Create(redis, prefix, o => o.LocalTtl = TimeSpan.FromHours(1));
        await first.GetStringAsync(origin.Url("/i"));
        await second.GetStringAsync(origin.Url("/i"));
        Assert.True(second.RedisCache().HasLocalCopy(Key(origin, "/i")));

        // RFC 9111 4.4: a successful unsafe request invalidates the stored responses for its URI.
        using (await first.CreateHttpClient().PostAsync(origin.Url("/i"), new StringContent("x")))
        {
        }

        await SharedRedirectTests.WaitUntilAsync(() => Task.FromResult(!second.RedisCache().HasLocalCopy(Key(origin, "/i"))));
        await second.GetStringAsync(origin.Url("/i"));
        Assert.Equal(1 + 1 + 1, origin.CountFor("/i")); // first GET, the POST, and the second's GET after invalidation
    }

    [Fact]
    public async Task Get_DifferentCredentials_AreDifferentVariants_AcrossInstances()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/me", 200, "private", ("Cache-Control", "private, max-age=60"));
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix);
        await using var second = RedisInstances.Create(redis, prefix);

        await first.GetStringAsync(origin.Url("/me"), r => r.Headers.Add("Authorization", "Bearer alice"));
        await second.GetStringAsync(origin.Url("/me"), r => r.Headers.Add("Authorization", "Bearer bob"));
        await second.GetStringAsync(origin.Url("/me"), r => r.Headers.Add("Authorization", "Bearer alice"));

        Assert.Equal(2, origin.CountFor("/me"));
    }

    [Theory]
    [InlineData("shared secret", "shared secret", 1)]
    [InlineData("one secret", "another secret", 2)]
    public async Task Get_CredentialedVariant_IsSharedOnlyByInstancesWithTheSameCredentialHashKey(string firstKey, string secondKey, int originRequests)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/me", 200, "private", ("Cache-Control", "private, max-age=60"));
        var prefix = RedisInstances.NewPrefix();
        await using var first = RedisInstances.Create(redis, prefix, configure: o => o.Cache.CredentialHashKey = firstKey);
        await using var second = RedisInstances.Create(redis, prefix, configure: o => o.Cache.CredentialHashKey = secondKey);

        await first.GetStringAsync(origin.Url("/me"), r => r.Headers.Add("Authorization", "Bearer alice"));
        await second.GetStringAsync(origin.Url("/me"), r => r.Headers.Add("Authorization", "Bearer alice"));

        Assert.Equal(originRequests, origin.CountFor("/me"));
    }

    internal static string Key(TestOrigin origin, string path) => origin.Url(path).AbsoluteUri;
}

internal static class RedisCacheTestExtensions
{
    public static ClientSemantics.Redis.RedisResponseCacheStore RedisCache(this TestClient client) =>
        (ClientSemantics.Redis.RedisResponseCacheStore)Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions
            .GetRequiredKeyedService<IResponseCacheStore>(client.Services, client.Name);
}
