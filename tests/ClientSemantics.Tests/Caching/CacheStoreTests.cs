using ClientSemantics.Caching;

namespace ClientSemantics.Tests.Caching;

public sealed class CacheStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Set_OverTheBound_EvictsLeastRecentlyUsedFirst()
    {
        var one = Entry(1000);
        var store = new MemoryResponseCacheStore(one.Size * 2 + 10);
        await store.SetAsync("a", Entry(1000), default);
        await store.SetAsync("b", Entry(1000), default);
        _ = await store.GetAsync("a", default); // a is now more recent than b
        await store.SetAsync("c", Entry(1000), default);

        Assert.Single(await store.GetAsync("a", default));
        Assert.Empty(await store.GetAsync("b", default));
        Assert.Single(await store.GetAsync("c", default));
        Assert.True(store.Size <= one.Size * 2 + 10);
    }

    [Fact]
    public async Task Set_EntryLargerThanTheBound_IsNotStored()
    {
        var store = new MemoryResponseCacheStore(100);
        await store.SetAsync("a", Entry(1000), default);
        Assert.Empty(await store.GetAsync("a", default));
        Assert.Equal(0, store.Size);
    }

    [Fact]
    public async Task Set_SameVariant_Replaces_OtherVariantsLiveSideBySide()
    {
        var store = new MemoryResponseCacheStore(1 << 20);
        await store.SetAsync("a", Entry(10, "x"), default);
        await store.SetAsync("a", Entry(20, "y"), default);
        await store.SetAsync("a", Entry(30, "x"), default);

        var variants = await store.GetAsync("a", default);
        Assert.Equal(2, variants.Count);
        Assert.Equal(30, variants.Single(v => v.VariantKey == "x").Body.Length);
        Assert.Equal(variants.Sum(v => v.Size), store.Size);

        await store.RemoveAsync("a", default);
        Assert.Empty(await store.GetAsync("a", default));
        Assert.Equal(0, store.Size);
    }

    [Fact]
    public async Task ManyConcurrentSets_NeverExceedTheBound()
    {
        var bound = Entry(500).Size * 5;
        var store = new MemoryResponseCacheStore(bound);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await store.SetAsync("k" + (i % 37), Entry(500 + (i % 7)), default);
            Assert.True(store.Size <= bound);
        })));
        Assert.True(store.Size <= bound);
    }

    private static CachedResponse Entry(int bytes, string variant = "") => new()
    {
        StatusCode = 200,
        Headers = [new("ETag", "\"e\"")],
        ContentHeaders = [],
        Body = new byte[bytes],
        RequestTime = T0,
        ResponseTime = T0,
        VariantKey = variant,
    };
}
