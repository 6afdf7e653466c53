using System.Net;
using BenchmarkDotNet.Attributes;
using ClientSemantics;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// What a call through HttpClient costs before any of our handlers: HttpClient over a synchronous stub, the factory's
/// client over the same stub, and a fresh hit through our pipeline over it. Shows the floor a cache hit stands on.
/// </summary>
[MemoryDiagnoser]
public class HitFloorBenchmarks
{
    private static readonly Uri Fresh = new("http://stub.test/fresh");
    private static readonly Uri FreshWithKestrelHeaders = new("http://stub.test/fresh-kestrel-headers");
    private readonly byte[] _buffer = new byte[64 * 1024];
    private ServiceProvider _services = null!;
    private HttpClient _bare = null!;
    private HttpClient _factoryPlain = null!;
    private HttpClient _factoryHit = null!;
    private HttpClient _handlersOnlyHit = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("plain").ConfigurePrimaryHttpMessageHandler(() => new StubOrigin());
        services.AddHttpClient("hit").ConfigurePrimaryHttpMessageHandler(() => new StubOrigin())
            .AddStatusSemantics(o => o.Redirects.AllowUnknownPrimaryHandler = true);
        services.AddHttpClient("hit-handlers-only").RemoveAllLoggers().ConfigurePrimaryHttpMessageHandler(() => new StubOrigin())
            .AddStatusSemantics(o => o.Redirects.AllowUnknownPrimaryHandler = true);
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        _bare = new HttpClient(new StubOrigin());
        _factoryPlain = factory.CreateClient("plain");
        _factoryHit = factory.CreateClient("hit");
        _handlersOnlyHit = factory.CreateClient("hit-handlers-only");
        await GetAsync(_factoryHit);
        await GetAsync(_handlersOnlyHit);
        await GetAsync(_handlersOnlyHit, FreshWithKestrelHeaders);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> HttpClientOverStub() => GetAsync(_bare);

    [Benchmark]
    public Task<int> FactoryClientOverStub() => GetAsync(_factoryPlain);

    [Benchmark]
    public Task<int> FactoryClientHit() => GetAsync(_factoryHit);

    [Benchmark]
    public Task<int> HandlersOnlyHit() => GetAsync(_handlersOnlyHit);

    /// <summary>The same hit of an entry stored with Kestrel's Date and Server fields: two more fields to copy.</summary>
    [Benchmark]
    public Task<int> HandlersOnlyHitWithKestrelHeaders() => GetAsync(_handlersOnlyHit, FreshWithKestrelHeaders);

    private Task<int> GetAsync(HttpClient client, Uri? uri = null) =>
        CacheBenchmarkOrigin.GetAsync(client, new HttpRequestMessage(HttpMethod.Get, uri ?? Fresh), _buffer);
}
