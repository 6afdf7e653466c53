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
