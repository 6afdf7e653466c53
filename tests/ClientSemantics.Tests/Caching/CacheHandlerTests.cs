using System.Net;
using ClientSemantics.Caching;
using ClientSemantics.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.Caching;

/// <summary>The cache handler alone over a mock inner handler: conditional headers and the 304 merge.</summary>
public sealed class CacheHandlerTests
{
    private const string Url = "http://origin.test/doc";

    [Fact]
    public async Task StaleEntry_SendsBothValidators_And304ReturnsANewResponseWithTheStoredBody()
    {
        var time = new FakeTimeProvider(CacheTestKit.Start);
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Url).With(r => !r.Headers.Contains("If-None-Match")).Respond(_ => Ok());
        var conditional = mock.When(HttpMethod.Get, Url)
            .WithHeaders("If-None-Match", "\"tag\"")
            .WithHeaders("If-Modified-Since", "Sun, 01 Mar 2026 07:00:00 GMT")
            .Respond(_ =>
            {
                var notModified = new HttpResponseMessage(HttpStatusCode.NotModified);
                notModified.Headers.TryAddWithoutValidation("X-Fresh", "yes");
                return notModified;
            });
        var store = new MemoryResponseCacheStore(1 << 20);
        using var invoker = new HttpMessageInvoker(Handler(store, time, mock));

        using var first = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), default);
        var storedBefore = (await store.GetAsync(CacheKeys.Primary(new Uri(Url)), default)).Single();
        time.Advance(TimeSpan.FromMinutes(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        using var second = await invoker.SendAsync(request, default);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Same(request, second.RequestMessage);
        Assert.Equal("stored body", await second.Content.ReadAsStringAsync());
        Assert.Equal("yes", second.Headers.GetValues("X-Fresh").Single());
        Assert.DoesNotContain(storedBefore.Headers, h => h.Key == "X-Fresh"); // the old entry was not edited in place
        Assert.Equal(1, mock.GetMatchCount(conditional));
    }

    [Fact]
    public async Task Miss_ThatCannotBeStored_IsTheOriginsResponse_WithCacheStatus()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Url).Respond("text/plain", "plain");
        using var invoker = new HttpMessageInvoker(Handler(new MemoryResponseCacheStore(1 << 20), new FakeTimeProvider(CacheTestKit.Start), mock));

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), default);

        Assert.Equal("ClientSemantics; fwd=miss", response.CacheStatus());
        Assert.Equal("plain", await response.Content.ReadAsStringAsync());
    }

    private static HttpResponseMessage Ok()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("stored body") };
        response.Headers.ETag = new("\"tag\"");
        response.Headers.CacheControl = new() { MaxAge = TimeSpan.FromSeconds(60) };
        response.Content.Headers.LastModified = CacheTestKit.Start.AddHours(-1);
        return response;
    }

    [Fact]
    public async Task BodyLongerThanItsContentLength_IsATypedError_AndNothingIsStored()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Url).Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("hello"u8.ToArray()) };
            response.Content.Headers.ContentLength = 3; // a primary whose framing disagrees with its body
            response.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { MaxAge = TimeSpan.FromMinutes(1) };
            return response;
        });
        var store = new MemoryResponseCacheStore(1 << 20);
        using var invoker = new HttpMessageInvoker(Handler(store, new FakeTimeProvider(CacheTestKit.Start), mock));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), default));

        Assert.Contains("longer than its Content-Length (3)", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetAsync(CacheKeys.Primary(new Uri(Url)), default));
    }

    internal static CacheHandler Handler(IResponseCacheStore store, TimeProvider time, HttpMessageHandler inner, CacheOptions? options = null)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new ClientSemanticsMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        options ??= new CacheOptions();
        var context = new CacheContext("mock", options, store, CacheKeys.HashKey(options, store), new RequestCoalescer(), time, metrics, NullLogger.Instance);
        return new CacheHandler(context) { InnerHandler = inner };
    }
}
