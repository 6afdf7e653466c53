using System.Net;
using ClientSemantics.Authentication;
using ClientSemantics.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.Authentication;

/// <summary>The handler alone over MockHttp: the proxy side (407) and what it sends where.</summary>
public sealed class AuthenticationHandlerTests
{
    private static readonly Uri ProxyUri = new("http://proxy.test:3128/");

    [Fact]
    public async Task Get_407ThroughPlainHttpProxy_AnsweredWithProxyAuthorization_NotAuthorization()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("http://origin.test/a").With(r => r.Headers.ProxyAuthorization is null)
            .Respond(HttpStatusCode.ProxyAuthenticationRequired, [new("Proxy-Authenticate", "Basic realm=\"proxy\"")], "text/plain", "");
        mock.When("http://origin.test/a").With(r => r.Headers.ProxyAuthorization?.ToString() == "Basic cHg6cHhwdw==").Respond("text/plain", "ok");
        // proxy.test is not loopback: Basic over plain http to it needs the opt-in, as it does for an origin.
        using var invoker = Create(mock, o => (o.ProxyCredentials, o.AllowBasicOverHttp) = (new NetworkCredential("px", "pxpw"), true), new WebProxy(ProxyUri));

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://origin.test/a"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.RequestMessage!.Headers.Authorization);
    }

    [Fact]
    public async Task Get_407WithoutAConfiguredProxy_IsReturned_ProxyCredentialsNeverGoToAnOrigin()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.ProxyAuthenticationRequired, [new("Proxy-Authenticate", "Basic realm=\"evil\"")], "text/plain", "");
        using var invoker = Create(mock, o => o.ProxyCredentials = new NetworkCredential("px", "pxpw"), proxy: null);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://origin.test/a"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, response.StatusCode);
        Assert.Null(response.RequestMessage!.Headers.ProxyAuthorization);
    }

    [Fact]
    public void ProxyFor_HttpsTarget_IsNull_SoProxyAuthorizationNeverRidesInsideTheTunnel()
    {
        var state = new AuthenticationState { Proxy = new WebProxy(ProxyUri) };
        Assert.Null(state.ProxyFor(new Uri("https://origin.test/")));
        Assert.Equal(ProxyUri, state.ProxyFor(new Uri("http://origin.test/")));
    }

    [Fact]
    public async Task Get_Answer_IsCountedInTheMetric_WithSchemeAndDecision()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://origin.test/a").With(r => r.Headers.Authorization is null)
            .Respond(HttpStatusCode.Unauthorized, [new("WWW-Authenticate", "Basic realm=\"r\"")], "text/plain", "");
        mock.When("https://origin.test/a").Respond("text/plain", "ok");
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new ClientSemanticsMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        using var collector = new MetricCollector<long>(metrics.AuthenticationChallenges);
        using var invoker = Create(mock, o => o.Credentials = new NetworkCredential("u", "p"), null, metrics);

        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://origin.test/a"), CancellationToken.None)).Dispose();

        var measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal("Basic", measurement.Tags["client_semantics.authentication.scheme"]);
        Assert.Equal("answer", measurement.Tags["client_semantics.decision"]);
    }

    private static HttpMessageInvoker Create(MockHttpMessageHandler mock, Action<AuthenticationOptions> configure, IWebProxy? proxy, ClientSemanticsMetrics? metrics = null)
    {
        var options = new StatusSemanticsOptions();
        configure(options.Authentication);
        metrics ??= new ClientSemanticsMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var handler = new AuthenticationHandler("mock", new AuthenticationState { Proxy = proxy }, new StaticMonitor(options), metrics, NullLogger.Instance)
        {
            InnerHandler = mock,
        };
        return new HttpMessageInvoker(handler);
    }

    private sealed class StaticMonitor(StatusSemanticsOptions value) : IOptionsMonitor<StatusSemanticsOptions>
    {
        public StatusSemanticsOptions CurrentValue => value;

        public StatusSemanticsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<StatusSemanticsOptions, string?> listener) => null;
    }
}
