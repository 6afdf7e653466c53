using ClientSemantics.Redirects;

namespace ClientSemantics.Tests.Redirects;

public sealed class RedirectChainTests
{
    private static readonly Uri A = new("http://o.test/a");
    private static readonly Uri B = new("http://o.test/b");
    private static readonly Uri C = new("http://o.test/c");

    [Fact]
    public void TryEnter_StopsAtTheLimit_WithMaxRedirectsInTheReason()
    {
        var chain = new RedirectChain(HttpMethod.Get, A, limit: 2);

        Assert.True(chain.TryEnter(HttpMethod.Get, B, out _));
        Assert.True(chain.TryEnter(HttpMethod.Get, C, out _));
        Assert.False(chain.TryEnter(HttpMethod.Get, new Uri("http://o.test/d"), out var reason));
        Assert.Contains("MaxRedirects (2)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryEnter_SameMethodAndUriTwice_IsALoop()
    {
        var chain = new RedirectChain(HttpMethod.Get, A, limit: 20);

        Assert.True(chain.TryEnter(HttpMethod.Get, B, out _));
        Assert.False(chain.TryEnter(HttpMethod.Get, new Uri("http://o.test/a#frag"), out var reason));
        Assert.Contains("loop", reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryEnter_SameUriWithAnotherMethod_IsNotALoop()
    {
        // POST /form -> 303 -> GET /form is the post/redirect/get pattern, not a loop.
        var chain = new RedirectChain(HttpMethod.Post, A, limit: 20);

        Assert.True(chain.TryEnter(HttpMethod.Get, A, out _));
    }

    [Fact]
    public void RemememberedHops_CountAgainstTheLimit_AndRestoreUndoesThem()
    {
        var chain = new RedirectChain(HttpMethod.Get, A, limit: 3);
        var mark = chain.Mark();

        Assert.True(chain.TryEnter(HttpMethod.Get, C, out _, hops: 3));
        Assert.Equal(0, chain.Remaining);
        chain.Restore(mark);

        Assert.Equal(3, chain.Remaining);
        Assert.True(chain.TryEnter(HttpMethod.Get, C, out _));
    }
}
