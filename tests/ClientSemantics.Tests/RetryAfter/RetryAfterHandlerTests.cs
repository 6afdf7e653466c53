using System.Net;
using ClientSemantics.RetryAfter;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.RetryAfter;

/// <summary>The handler alone over RichardSzalay.MockHttp, built the way the pipeline builds it.</summary>
public sealed class RetryAfterHandlerTests
{
    [Fact]
    public async Task CancelledDuringTheWait_DisposesTheResponse()
    {
        var time = new SignalingTimeProvider();
        var content = new TrackedContent();
        var mock = new MockHttpMessageHandler();
        mock.When("http://a.test/x").Respond(_ => Respond(503, "30", content));
        await using var client = TestClient.Create(time: time);
        using var http = new HttpClient(WithInner(RetryAfterServices.CreateHandler(client.Services, client.Name), mock));
        using var cts = new CancellationTokenSource();

        var call = http.GetAsync("http://a.test/x", cts.Token);
        await time.WaitForTimersAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task Pause_OutlivesHandlerRotation()
    {
        var time = new SignalingTimeProvider();
        var mock = new MockHttpMessageHandler();
        var sent = 0;
        mock.When("http://a.test/*").Respond(_ =>
        {
            Interlocked.Increment(ref sent);
            return Respond(503, "600", new StringContent("busy"));
        });
        await using var client = TestClient.Create(time: time);

        // IHttpClientFactory builds a new handler every two minutes; the pause lives in the client's keyed singletons.
        using var before = new HttpClient(WithInner(RetryAfterServices.CreateHandler(client.Services, client.Name), mock));
        using var first = await before.GetAsync("http://a.test/1");
        using var after = new HttpClient(WithInner(RetryAfterServices.CreateHandler(client.Services, client.Name), mock));

        await Assert.ThrowsAsync<RetryAfterPauseException>(() => after.GetAsync("http://a.test/2"));
        Assert.Equal(1, sent);
        Assert.Same(
            client.Services.GetRequiredKeyedService<IOriginPauseStore>(client.Name),
            client.Services.GetRequiredKeyedService<IOriginPauseStore>(client.Name));
    }

    [Fact]
    public void GetRetryAfter_OnAResponseThatNeverPassedThePipeline_ParsesTheHeader()
    {
        using var response = Respond(503, "42", new StringContent(string.Empty));
        Assert.Equal(TimeSpan.FromSeconds(42), response.GetRetryAfter());
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        Assert.Null(none.GetRetryAfter());
    }

    private static DelegatingHandler WithInner(DelegatingHandler handler, HttpMessageHandler inner)
    {
        handler.InnerHandler = inner;
        return handler;
    }

    private static HttpResponseMessage Respond(int status, string retryAfter, HttpContent content)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = content };
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    private sealed class TrackedContent : StringContent
    {
        public TrackedContent()
            : base("busy")
        {
        }

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
