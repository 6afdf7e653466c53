using ClientSemantics.Authentication;
using ClientSemantics.Caching;
using ClientSemantics.Diagnostics;
using ClientSemantics.Redirects;
using ClientSemantics.RetryAfter;
using ClientSemantics.Recovery;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ClientSemantics.Tests.Pipeline;

public sealed class PipelineOrderTests
{
    [Fact]
    public async Task AddStatusSemantics_BuildsHandlersInTheDocumentedOrder()
    {
        await using var client = TestClient.Create();
        var handler = client.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client.Name);

        var chain = new List<HttpMessageHandler>();
        for (var current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(current);
        }

        var ours = chain.Select(h => h.GetType()).Where(t => t.Namespace?.StartsWith("ClientSemantics", StringComparison.Ordinal) == true).ToArray();
        Assert.Equal(
            [typeof(TraceHandler), typeof(RedirectHandler), typeof(CacheHandler), typeof(AuthenticationHandler), typeof(RetryAfterHandler), typeof(RecoveryHandler)],
            ours);
        Assert.False(Assert.IsType<SocketsHttpHandler>(chain[^1]).AllowAutoRedirect);
    }

    [Fact]
    public async Task Trace_IsReadableFromTheFinalResponse()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/hello", 200, "hi");
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/hello"));

        var trace = response.GetStatusSemanticsTrace();
        Assert.NotNull(trace);
        var last = trace.Entries[^1];
        Assert.Equal(StatusSemanticsStage.Pipeline, last.Stage);
        Assert.Equal(200, last.StatusCode);
        Assert.Equal(origin.Url("/hello"), last.Uri);
    }

    [Fact]
    public void Trace_NeverCarriesUserInfo()
    {
        var uri = TraceUri.WithoutUserInfo(new Uri("http://user:secret@example.test/a?b=c"));
        Assert.DoesNotContain("secret", uri!.ToString(), StringComparison.Ordinal);
        Assert.Equal("example.test:80/a", TraceUri.HostAndPath(uri));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Trace_IsReadable_EvenWhenThePrimaryLeavesRequestMessageUnset(bool answerAtOnce)
    {
        await using var client = TestClient.Create(
            o => o.Redirects.AllowUnknownPrimaryHandler = true,
            configureClient: b => b.ConfigurePrimaryHttpMessageHandler(() => new NoRequestMessagePrimary(answerAtOnce)));

        using var response = await client.CreateHttpClient().GetAsync("http://primary.test/a");

        Assert.Equal("http://primary.test/a", response.RequestMessage!.RequestUri!.ToString());
        var last = response.GetStatusSemanticsTrace()!.Entries[^1];
        Assert.Equal(StatusSemanticsStage.Pipeline, last.Stage);
        Assert.Equal(200, last.StatusCode);
    }

    [Fact]
    public async Task Traces_OfConcurrentCalls_NeverMix_WhetherHitMissOrRedirect()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/fresh", 200, "fresh", ("Cache-Control", "max-age=600"));
        origin.MapStatus("/plain", 200, "plain");
        origin.MapStatus("/hop", 302, null, ("Location", "/fresh"));
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/fresh"))).Dispose(); // later calls to /fresh are synchronous hits

        var paths = new[] { "/fresh", "/plain", "/hop" };
        var calls = Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
        {
            var path = paths[i % paths.Length];
            using var response = await http.GetAsync(origin.Url(path));
            return (path, Entries: response.GetStatusSemanticsTrace()!.Entries);
        })).ToArray();

        foreach (var (path, entries) in await Task.WhenAll(calls))
        {
            // Every step of a call names its own URIs only: a trace held by a thread never leaks into another call.
            var allowed = path == "/hop" ? new[] { origin.Url("/hop"), origin.Url("/fresh") } : [origin.Url(path)];
            Assert.All(entries, e => Assert.Contains(e.Uri, allowed));
            Assert.Equal(StatusSemanticsStage.Pipeline, entries[^1].Stage);
            Assert.Single(entries, e => e.Stage == StatusSemanticsStage.Pipeline);
            Assert.Equal(path == "/plain" ? "miss" : "hit", entries.Last(e => e.Stage == StatusSemanticsStage.Cache).Decision);
        }
    }

    /// <summary>A primary handler that answers without setting RequestMessage, at once or after a yield.</summary>
    private sealed class NoRequestMessagePrimary(bool answerAtOnce) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!answerAtOnce)
            {
                await Task.Yield();
            }

            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("ok") };
        }
    }
}
