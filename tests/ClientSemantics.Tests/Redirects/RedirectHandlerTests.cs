using System.Diagnostics.Metrics;
using System.Net;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.Redirects;

/// <summary>The redirect handler over a mock primary handler: resources and metrics.</summary>
public sealed class RedirectHandlerTests
{
    [Fact]
    public async Task IntermediateRedirects_AreDisposedBeforeTheNextHop_TheFinalOneIsNot()
    {
        var contents = new List<TrackingContent>();
        var mock = new MockHttpMessageHandler();
        mock.When("http://o.test/a").Respond(_ => Redirect("/b", contents));
        mock.When("http://o.test/b").Respond(_ => Redirect("/c", contents));
        mock.When("http://o.test/c").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Track(contents) });
        await using var client = Create(mock);

        using var response = await client.CreateHttpClient().GetAsync("http://o.test/a");

        Assert.Equal(3, contents.Count);
        Assert.True(contents[0].Disposed && contents[1].Disposed);
        Assert.False(contents[2].Disposed);
    }

    [Fact]
    public async Task Decisions_AreCounted_WithClientStatusAndDecisionTags()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("http://o.test/a").Respond(HttpStatusCode.Found, [new("Location", "/b")], "text/plain", "");
        mock.When("http://o.test/b").Respond(HttpStatusCode.UseProxy, [new("Location", "/proxy")], "text/plain", "");
        await using var client = Create(mock);
        using var collector = new MetricCollector<long>(client.Services.GetRequiredService<IMeterFactory>(), "ClientSemantics", "client_semantics.redirects");

        using var response = await client.CreateHttpClient().GetAsync("http://o.test/a");

        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(
            [("follow", 302), ("stop", 305)],
            measurements.Select(m => ((string)m.Tags["client_semantics.decision"]!, (int)m.Tags["http.response.status_code"]!)));
        Assert.All(measurements, m => Assert.Equal(client.Name, m.Tags["client_semantics.client"]));
    }

    [Fact]
    public async Task UserRegisteredStore_ReplacesTheInMemoryDefault_ForItsClientName()
    {
        var mock = new MockHttpMessageHandler();
        var source = mock.When("http://o.test/old").Respond(HttpStatusCode.MovedPermanently, [new("Location", "/new")], "text/plain", "");
        mock.When("http://o.test/new").Respond(HttpStatusCode.OK);
        var store = new RecordingStore();
        await using var client = TestClient.Create(
            o => o.Redirects.AllowUnknownPrimaryHandler = true,
            configureClient: b => b.ConfigurePrimaryHttpMessageHandler(() => mock),
            configureServices: s => s.AddKeyedSingleton<IPermanentRedirectStore>(TestClient.DefaultName, store));
        var http = client.CreateHttpClient();

        (await http.GetAsync("http://o.test/old")).Dispose();
        (await http.GetAsync("http://o.test/old")).Dispose();

        Assert.Equal(1, mock.GetMatchCount(source));
        Assert.Equal("http://o.test/new", Assert.Single(store.Entries.Values).Target.ToString());
    }

    private static TestClient Create(MockHttpMessageHandler mock) => TestClient.Create(
        o => o.Redirects.AllowUnknownPrimaryHandler = true,
        configureClient: b => b.ConfigurePrimaryHttpMessageHandler(() => mock));

    private static HttpResponseMessage Redirect(string location, List<TrackingContent> contents)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found) { Content = Track(contents) };
        response.Headers.Location = new Uri(location, UriKind.Relative);
        return response;
    }

    private static TrackingContent Track(List<TrackingContent> contents)
    {
        var content = new TrackingContent();
        contents.Add(content);
        return content;
    }

    private sealed class RecordingStore : IPermanentRedirectStore
    {
        public Dictionary<string, PermanentRedirect> Entries { get; } = [];

        public ValueTask<PermanentRedirect?> TryGetAsync(PermanentRedirectKey key, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Entries.GetValueOrDefault(key.ToString()));

        public ValueTask SetAsync(PermanentRedirect redirect, CancellationToken cancellationToken)
        {
            Entries[redirect.Key.ToString()] = redirect;
            return ValueTask.CompletedTask;
        }

        public ValueTask RemoveAsync(PermanentRedirectKey key, CancellationToken cancellationToken)
        {
            Entries.Remove(key.ToString());
            return ValueTask.CompletedTask;
        }

        public ValueTask ClearAsync(CancellationToken cancellationToken)
        {
            Entries.Clear();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class TrackingContent : ByteArrayContent
    {
        public TrackingContent()
            : base("body"u8.ToArray())
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
