using ClientSemantics.Authentication;

namespace ClientSemantics.Tests.Authentication;

public sealed class BearerTokensTests
{
    [Fact]
    public async Task GetAsync_ConcurrentCallers_ShareOneFetch()
    {
        var source = new GatedTokenSource();
        var tokens = new BearerTokens();
        var context = new BearerTokenContext(new Uri("https://h"), null, false);

        var calls = Enumerable.Range(0, 50).Select(_ => tokens.GetAsync("k", source, context, null, CancellationToken.None).AsTask()).ToArray();
        source.Release("t1");
        var results = await Task.WhenAll(calls);

        Assert.All(results, t => Assert.Equal("t1", t));
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task GetAsync_RejectedToken_IsFetchedAgainOnce_ThenShared()
    {
        var source = new GatedTokenSource();
        var tokens = new BearerTokens();
        var context = new BearerTokenContext(new Uri("https://h"), null, false);
        source.Release("t1");
        Assert.Equal("t1", await tokens.GetAsync("k", source, context, null, CancellationToken.None));

        source.Reset();
        var refreshes = Enumerable.Range(0, 10).Select(_ => tokens.GetAsync("k", source, context, "t1", CancellationToken.None).AsTask()).ToArray();
        source.Release("t2");

        Assert.All(await Task.WhenAll(refreshes), t => Assert.Equal("t2", t));
        Assert.Equal(2, source.Calls);
        Assert.Equal("t2", await tokens.GetAsync("k", source, context, null, CancellationToken.None));
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task GetAsync_AFailedFetch_IsNotKept()
    {
        var tokens = new BearerTokens();
        var context = new BearerTokenContext(new Uri("https://h"), null, false);
        var failing = new GatedTokenSource { Fail = true };
        await Assert.ThrowsAsync<InvalidOperationException>(() => tokens.GetAsync("k", failing, context, null, CancellationToken.None).AsTask());

        var working = new GatedTokenSource();
        working.Release("t");
        Assert.Equal("t", await tokens.GetAsync("k", working, context, null, CancellationToken.None));
    }

    private sealed class GatedTokenSource : IBearerTokenSource
    {
        private TaskCompletionSource<string?> _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public bool Fail { get; init; }

        public int Calls => _calls;

        public void Release(string token) => _gate.TrySetResult(token);

        public void Reset() => _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<string?> GetTokenAsync(BearerTokenContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Fail ? throw new InvalidOperationException("token endpoint down") : await _gate.Task;
        }
    }
}
