using System.Net;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ClientSemantics.Tests.Redirects;

/// <summary>The memory heals itself, can be cleared, is per client name and survives handler rotation.</summary>
public sealed class PermanentRedirectHealingTests
{
    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public async Task RememberedTargetAnswers404Or410_SourceIsAskedAgain_AndTheNewTargetFollowed_InTheSameCall(int gone)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/old"))).Dispose();

        origin.MapStatus("/new", gone).MapStatus("/old", 301, null, ("Location", "/newer")).MapStatus("/newer", 200, "moved again");
        using var healed = await http.GetAsync(origin.Url("/old"));
        using var third = await http.GetAsync(origin.Url("/old"));

        Assert.Equal("moved again", await healed.Content.ReadAsStringAsync());
        Assert.Equal(origin.Url("/newer"), healed.RequestMessage!.RequestUri);
        Assert.Equal(["/old", "/new", "/new", "/old", "/newer", "/newer"], origin.Requests.Select(r => r.Path));
        Assert.Contains(healed.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "forget" && e.StatusCode == gone);
    }

    [Fact]
    public async Task RememberedTargetStillBroken_AfterHealing_ReturnsThe404_WithoutAskingTwice()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 308, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/old"))).Dispose();

        origin.MapStatus("/new", 404);
        using var response = await http.GetAsync(origin.Url("/old"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["/old", "/new", "/new", "/old", "/new"], origin.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task RememberedTarget404_WithUnrereadableBody_ForgetsButReturnsThe404()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 308, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        (await http.PostAsync(origin.Url("/old"), new StringContent("x"))).Dispose();

        origin.MapStatus("/new", 404);
        using var response = await http.PostAsync(origin.Url("/old"), new StreamContent(new MemoryStream("once"u8.ToArray())));
        using var next = await http.PostAsync(origin.Url("/old"), new StringContent("y"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["/old", "/new", "/new", "/old", "/new"], origin.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task RememberedChainThatLoops_IsForgotten_AndTheSourceAsked()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/a", 200, "a lives");
        await using var client = TestClient.Create();
        var store = client.Services.GetRequiredKeyedService<IPermanentRedirectStore>(client.Name);
        var until = DateTimeOffset.MaxValue;
        await store.SetAsync(new PermanentRedirect(new PermanentRedirectKey(origin.Url("/a")), origin.Url("/b"), 308, until), default);
        await store.SetAsync(new PermanentRedirect(new PermanentRedirectKey(origin.Url("/b")), origin.Url("/a"), 308, until), default);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/a"));

        Assert.Equal("a lives", await response.Content.ReadAsStringAsync());
        Assert.Equal(["/a"], origin.Requests.Select(r => r.Path));
        Assert.Null(await store.TryGetAsync(new PermanentRedirectKey(origin.Url("/a")), default));
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "forget" && e.Reason!.Contains("loop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClearPermanentRedirectsAsync_MakesTheNextCallAskTheSource()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        (await http.GetAsync(origin.Url("/old"))).Dispose();

        await client.Services.ClearPermanentRedirectsAsync(client.Name);
        (await http.GetAsync(origin.Url("/old"))).Dispose();

        Assert.Equal(2, origin.CountFor("/old"));
    }

    [Fact]
    public async Task Memory_IsPerClientName()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create(configureServices: s => s.AddHttpClient("other").AddStatusSemantics());
        var factory = client.Services.GetRequiredService<IHttpClientFactory>();

        (await client.CreateHttpClient().GetAsync(origin.Url("/old"))).Dispose();
        (await factory.CreateClient("other").GetAsync(origin.Url("/old"))).Dispose();

        Assert.Equal(2, origin.CountFor("/old"));
        Assert.NotSame(
            client.Services.GetRequiredKeyedService<IPermanentRedirectStore>(client.Name),
            client.Services.GetRequiredKeyedService<IPermanentRedirectStore>("other"));
    }

    [Fact]
    public async Task Memory_SurvivesHandlerRotation()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create();

        // Build the client's handler chain twice, as IHttpClientFactory does when HandlerLifetime expires.
        using var first = BuildHandlerChain(client);
        using var second = BuildHandlerChain(client);
        using (var invoker = new HttpMessageInvoker(first, disposeHandler: false))
        {
            (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, origin.Url("/old")), default)).Dispose();
        }

        using var rotated = new HttpMessageInvoker(second, disposeHandler: false);
        using var response = await rotated.SendAsync(new HttpRequestMessage(HttpMethod.Get, origin.Url("/old")), default);

        Assert.NotSame(first, second);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 2), (origin.CountFor("/old"), origin.CountFor("/new")));
    }

    private static HttpMessageHandler BuildHandlerChain(TestClient client)
    {
        var builder = client.Services.GetRequiredService<HttpMessageHandlerBuilder>();
        builder.Name = client.Name;
        foreach (var action in client.Services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(client.Name).HttpMessageHandlerBuilderActions)
        {
            action(builder);
        }

        return builder.Build();
    }
}
