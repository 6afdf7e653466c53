using BenchmarkDotNet.Attributes;
using ClientSemantics;

namespace ClientSemantics.Benchmarks;

/// <summary>A fresh hit through HttpClient against a loopback round trip to the same origin.</summary>
[MemoryDiagnoser]
public class CacheHitBenchmarks
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private CacheBenchmarkOrigin _origin = null!;
    private Uri _fresh = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _origin = await CacheBenchmarkOrigin.StartAsync();
        _fresh = new Uri(_origin.BaseUri, "fresh");
        await CacheBenchmarkOrigin.GetAsync(_origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, _fresh), _buffer);
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _origin.DisposeAsync().AsTask();

    [Benchmark(Baseline = true)]
    public Task<int> LoopbackRoundTrip() => CacheBenchmarkOrigin.GetAsync(_origin.Bare, new HttpRequestMessage(HttpMethod.Get, _fresh), _buffer);

    [Benchmark]
    public Task<int> FreshHit() => CacheBenchmarkOrigin.GetAsync(_origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, _fresh), _buffer);
}

/// <summary>A 304 revalidation of a 1 MB body against a full 200 of the same body, both through the pipeline.</summary>
[MemoryDiagnoser]
public class CacheRevalidationBenchmarks
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private CacheBenchmarkOrigin _origin = null!;
    private Uri _big = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _origin = await CacheBenchmarkOrigin.StartAsync();
        _big = new Uri(_origin.BaseUri, "big");
        await CacheBenchmarkOrigin.GetAsync(_origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, _big), _buffer);
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _origin.DisposeAsync().AsTask();

    [Benchmark(Baseline = true)]
    public Task<int> Full200() => CacheBenchmarkOrigin.GetAsync(_origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, _big).BypassCache(), _buffer);

    [Benchmark]
    public Task<int> Revalidated304() => CacheBenchmarkOrigin.GetAsync(_origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, _big), _buffer);
}

/// <summary>A request the cache cannot serve (no validators, no freshness) through the whole pipeline, against a bare SocketsHttpHandler.</summary>
[MemoryDiagnoser]
public class CacheMissBenchmarks
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private CacheBenchmarkOrigin _origin = null!;
    private Uri _plain = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _origin = await CacheBenchmarkOrigin.StartAsync();
        _plain = new Uri(_origin.BaseUri, "plain");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _origin.DisposeAsync().AsTask();

    [Benchmark(Baseline = true)]
    public Task<int> BareSocketsHttpHandler() => CacheBenchmarkOrigin.GetAsync(_origin.Bare, new HttpRequestMessage(HttpMethod.Get, _plain), _buffer);

    [Benchmark]
    public Task<int> WholePipeline() => CacheBenchmarkOrigin.GetAsync(_origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, _plain), _buffer);
}
