using Microsoft.Extensions.DependencyInjection;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Caching;

/// <summary>What is stored (RFC 9111 3) and what is not.</summary>
public sealed class CacheStorageTests
{
    [Theory]
    [InlineData(200, "max-age=60", true)]
    [InlineData(203, "max-age=60", true)]
    [InlineData(204, "max-age=60", true)]
    [InlineData(300, "max-age=60", true)]
    [InlineData(404, "max-age=60", true)]
    [InlineData(405, "max-age=60", true)]
    [InlineData(410, "max-age=60", true)]
    [InlineData(414, "max-age=60", true)]
    [InlineData(501, "max-age=60", true)]
    [InlineData(200, "private, max-age=60", true)]
    [InlineData(404, null, false)]
    [InlineData(200, null, false)]
    [InlineData(200, "no-store, max-age=60", false)]
    [InlineData(201, "max-age=60", false)]
    [InlineData(500, "max-age=60", false)]
    [InlineData(503, "max-age=60", false)]
    public async Task Get_StoresOnlyWhatRfc9111Allows(int status, string? cacheControl, bool stored)
    {
        await using var origin = await TestOrigin.StartAsync();
        var headers = cacheControl is null ? [] : new[] { ("Cache-Control", cacheControl) };
        origin.MapBody("/s", status, status == 204 ? string.Empty : "b", headers);
        await using var client = CacheTestKit.Client(o => o.RetryAfter.MaxRetries = 0);

        await client.GetStringAsync(origin.Url("/s"));
        await client.GetStringAsync(origin.Url("/s"));

        Assert.Equal(stored ? 1 : 2, origin.CountFor("/s"));
    }

    [Fact]
    public async Task Get_VaryStar_IsNeverStored()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/vary-star", 200, "b", ("Cache-Control", "max-age=60"), ("Vary", "*"));
        await using var client = CacheTestKit.Client();

        await client.GetStringAsync(origin.Url("/vary-star"));
        await client.GetStringAsync(origin.Url("/vary-star"));

        Assert.Equal(2, origin.CountFor("/vary-star"));
    }

    [Fact]
    public async Task Store_StaysWithinMaxSizeBytes_EvictingLeastRecentlyUsed()
    {
        await using var origin = await TestOrigin.StartAsync();
        var body = new string('x', 4000);
        foreach (var path in new[] { "/a", "/b", "/c" })
        {
            origin.MapBody(path, 200, body, ("Cache-Control", "max-age=600"));
        }

        await using var client = CacheTestKit.Client(o =>
        {
            o.Cache.MaxSizeBytes = 10_000;
            o.Cache.MaxEntryBytes = 5_000;
        });

        await client.GetStringAsync(origin.Url("/a"));
        await client.GetStringAsync(origin.Url("/b"));
        await client.GetStringAsync(origin.Url("/a")); // hit: a is now the most recent
        await client.GetStringAsync(origin.Url("/c")); // evicts b
        await client.GetStringAsync(origin.Url("/a"));
        await client.GetStringAsync(origin.Url("/b"));

        Assert.Equal(1, origin.CountFor("/a"));
        Assert.Equal(2, origin.CountFor("/b"));
        Assert.True(client.Store().Size <= 10_000);
    }
}

/// <summary>State is per client name, in keyed singletons, so it outlives the factory's handler rotation.</summary>
public sealed class CacheRegistrationTests
{
    [Fact]
    public async Task Store_OutlivesHandlerRotation_ANewHandlerServesWhatAnOldOneStored()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/rotate", 200, "kept", ("Cache-Control", "max-age=60"));
        await using var client = CacheTestKit.Client();

        using (var before = new HttpMessageInvoker(WithNetwork(ClientSemantics.Caching.CacheServices.CreateHandler(client.Services, client.Name))))
        {
            (await before.SendAsync(new HttpRequestMessage(HttpMethod.Get, origin.Url("/rotate")), default)).Dispose();
        }

        using var after = new HttpMessageInvoker(WithNetwork(ClientSemantics.Caching.CacheServices.CreateHandler(client.Services, client.Name)));
        using var response = await after.SendAsync(new HttpRequestMessage(HttpMethod.Get, origin.Url("/rotate")), default);

        Assert.Equal("ClientSemantics; hit", response.CacheStatus());
        Assert.Equal(1, origin.CountFor("/rotate"));
    }

    [Fact]
    public async Task InvalidCacheOptions_FailAtStartUp()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddHttpClient("bad-cache").AddStatusSemantics(o => o.Cache.MaxEntryBytes = o.Cache.MaxSizeBytes + 1);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());
        Assert.Contains("MaxEntryBytes", error.ToString(), StringComparison.Ordinal);
    }

    private static DelegatingHandler WithNetwork(DelegatingHandler handler)
    {
        handler.InnerHandler = new SocketsHttpHandler();
        return handler;
    }
}
