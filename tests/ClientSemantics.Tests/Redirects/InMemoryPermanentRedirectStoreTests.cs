using ClientSemantics.Redirects;

namespace ClientSemantics.Tests.Redirects;

public sealed class InMemoryPermanentRedirectStoreTests
{
    private static readonly DateTimeOffset Later = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Set_BeyondCapacity_EvictsTheLeastRecentlyUsed()
    {
        var store = new InMemoryPermanentRedirectStore(capacity: 2);
        await store.SetAsync(Entry("a"), default);
        await store.SetAsync(Entry("b"), default);
        Assert.NotNull(await store.TryGetAsync(Key("a"), default)); // a is now the most recently used

        await store.SetAsync(Entry("c"), default);

        Assert.Equal(2, store.Count);
        Assert.NotNull(await store.TryGetAsync(Key("a"), default));
        Assert.Null(await store.TryGetAsync(Key("b"), default));
        Assert.NotNull(await store.TryGetAsync(Key("c"), default));
    }

    [Fact]
    public async Task Key_IgnoresTheFragment_AndRemoveAndClearForget()
    {
        var store = new InMemoryPermanentRedirectStore(capacity: 10);
        await store.SetAsync(Entry("a"), default);
        await store.SetAsync(Entry("b"), default);

        Assert.NotNull(await store.TryGetAsync(new PermanentRedirectKey(new Uri("http://o.test/a#x")), default));
        await store.RemoveAsync(Key("a"), default);
        Assert.Null(await store.TryGetAsync(Key("a"), default));
        await store.ClearAsync(default);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Set_SameSource_ReplacesTheEntry()
    {
        var store = new InMemoryPermanentRedirectStore(capacity: 10);
        await store.SetAsync(Entry("a"), default);
        await store.SetAsync(new PermanentRedirect(Key("a"), new Uri("http://o.test/elsewhere"), 308, Later), default);

        var entry = await store.TryGetAsync(Key("a"), default);
        Assert.Equal(1, store.Count);
        Assert.Equal(new Uri("http://o.test/elsewhere"), entry!.Target);
    }

    [Fact]
    public void Key_DropsUserInformationAndFragment_SoNoCredentialReachesAStore()
    {
        var key = new PermanentRedirectKey(new Uri("http://user:secret@o.test/a?q=1#top"));

        Assert.Equal("http://o.test/a?q=1", key.ToString());
    }

    private static PermanentRedirectKey Key(string path) => new(new Uri("http://o.test/" + path));

    private static PermanentRedirect Entry(string path) => new(Key(path), new Uri("http://o.test/new-" + path), 301, Later);
}
