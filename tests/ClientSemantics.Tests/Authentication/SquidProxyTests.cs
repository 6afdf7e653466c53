using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Tests.Authentication;

/// <summary>Proxy authentication against a real squid with basic_ncsa_auth, plain http and https (CONNECT).</summary>
public sealed class SquidProxyTests : IAsyncLifetime
{
    private const string User = "proxyuser";
    private const string Password = "proxy-secret";
    private X509Certificate2 _certificate = null!;
    private TestOrigin _http = null!;
    private TestOrigin _https = null!;
    private SquidProxy _squid = null!;

    public async Task InitializeAsync()
    {
        _certificate = SelfSigned();
        _http = await TestOrigin.StartAsync();
        _https = await TestOrigin.StartAsync(k => k.Options.Listen(IPAddress.Loopback, 0, l => l.UseHttps(_certificate)));
        _http.MapStatus("/through", 200, "via squid");
        _https.MapStatus("/secure", 200, "via tunnel");
        _squid = await SquidProxy.StartAsync(User, Password, _https.Port);
    }

    public async Task DisposeAsync()
    {
        await _squid.DisposeAsync();
        await _http.DisposeAsync();
        await _https.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task Get_PlainHttpThroughSquid_407IsAnswered_WithProxyCredentials()
    {
        await using var client = Client(new WebProxy(_squid.Uri), new NetworkCredential(User, Password));

        using var response = await client.CreateHttpClient().GetAsync(_http.Url("/through"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("via squid", await response.Content.ReadAsStringAsync());
        Assert.Contains($" {User} ", _squid.AccessLog, StringComparison.Ordinal);
        Assert.All(_http.Requests, r => Assert.Null(r.Header("Proxy-Authorization"))); // squid consumes it; the origin never sees it
    }

    [Fact]
    public async Task Get_HttpsThroughSquid_TunnelIsAuthenticated_ByThePrimaryWithTheSameProxyCredentials()
    {
        await using var client = Client(new WebProxy(_squid.Uri), new NetworkCredential(User, Password));

        using var response = await client.CreateHttpClient().GetAsync(_https.Url("/secure"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("via tunnel", await response.Content.ReadAsStringAsync());
        Assert.Null(Assert.Single(_https.Requests).Header("Proxy-Authorization"));
    }

    [Fact]
    public async Task Get_HttpsThroughSquid_WithoutProxyCredentials_TunnelIsRefused_The407NeverReachesAHandler()
    {
        await using var client = Client(new WebProxy(_squid.Uri), credentials: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.CreateHttpClient().GetAsync(_https.Url("/secure")));

        Assert.Equal(HttpRequestError.ProxyTunnelError, error.HttpRequestError);
        Assert.Empty(_https.Requests);
    }

    [Fact]
    public async Task Get_PlainHttpThroughSquid_OurHandlerAnswersThe407_ThenSendsProxyAuthorizationUpFront()
    {
        // A proxy that is not a WebProxy keeps its own (no) credentials, so squid's 407 reaches our handler.
        await using var client = Client(new OpaqueProxy(_squid.Uri), new NetworkCredential(User, Password));
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(_http.Url("/through"));
        using var second = await http.GetAsync(_http.Url("/through"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(first.GetStatusSemanticsTrace()!.Entries, e => e.StatusCode == 407 && e.Decision == "answer");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(second.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "preemptive");
        Assert.DoesNotContain(second.GetStatusSemanticsTrace()!.Entries, e => e.StatusCode == 407);
        Assert.All(_http.Requests, r => Assert.Null(r.Header("Authorization")));
    }

    [Fact]
    public async Task Get_PlainHttpThroughSquid_WrongProxyPassword_Returns407AfterOneAnswer()
    {
        await using var client = Client(new OpaqueProxy(_squid.Uri), new NetworkCredential(User, "wrong"));

        using var response = await client.CreateHttpClient().GetAsync(_http.Url("/through"));

        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, response.StatusCode);
        Assert.Equal(["answer", "return"], response.GetStatusSemanticsTrace()!.Entries.Where(e => e.Stage == StatusSemanticsStage.Authentication).Select(e => e.Decision));
        Assert.Empty(_http.Requests);
    }

    private TestClient Client(IWebProxy proxy, NetworkCredential? credentials) => TestClient.Create(
        o => o.Authentication.ProxyCredentials = credentials,
        configureClient: b => b.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            Proxy = proxy,
            UseProxy = true,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == _certificate.GetCertHashString() },
        }));

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    /// <summary>An IWebProxy that is not a WebProxy: ClientSemantics leaves its credentials alone.</summary>
    private sealed class OpaqueProxy(Uri proxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => proxy;

        public bool IsBypassed(Uri host) => false;
    }
}
