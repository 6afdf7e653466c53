using BenchmarkDotNet.Attributes;
using ClientSemantics;

namespace ClientSemantics.Benchmarks;

/// <summary>What every cache benchmark shares: a loopback origin, a read buffer, a warmed-up path.</summary>
public abstract class CacheBenchmarkBase
{
    /// <summary>The caller's read buffer.</summary>
    protected byte[] Buffer { get; } = new byte[64 * 1024];

    protected CacheBenchmarkOrigin Origin { get; private set; } = null!;

    protected Uri Target { get; private set; } = null!;

    [GlobalCleanup]
    public Task CleanupAsync() => Origin.DisposeAsync().AsTask();

    /// <summary>Starts the origin and, when <paramref name="warm"/>, stores <paramref name="path"/> in the pipeline's cache.</summary>
    protected async Task StartAsync(string path, bool warm)
    {
        Origin = await CacheBenchmarkOrigin.StartAsync();
        Target = new Uri(Origin.BaseUri, path);
        if (warm)
        {
            await Pipeline();
            await HandlersOnly();
            await BigFresh();
        }
    }

    protected Task<int> Pipeline(bool bypass = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Target);
        return CacheBenchmarkOrigin.GetAsync(Origin.Pipeline, bypass ? request.BypassCache() : request, Buffer);
    }

    /// <summary>A GET of the 1 MB body that the origin marks fresh for a day (stored by the warm-up).</summary>
    protected Task<int> BigFresh() => CacheBenchmarkOrigin.GetAsync(Origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, new Uri(Origin.BaseUri, "bigfresh")), Buffer);

    protected Task<int> HandlersOnly() => CacheBenchmarkOrigin.GetAsync(Origin.HandlersOnly, new HttpRequestMessage(HttpMethod.Get, Target), Buffer);

    protected Task<int> Bare() => CacheBenchmarkOrigin.GetAsync(Origin.Bare, new HttpRequestMessage(HttpMethod.Get, Target), Buffer);
}

/// <summary>A fresh hit through HttpClient against a loopback round trip to the same origin.</summary>
[MemoryDiagnoser]
public class CacheHitBenchmarks : CacheBenchmarkBase
{
    [GlobalSetup]
    public Task SetupAsync() => StartAsync("fresh", warm: true);

    [Benchmark(Baseline = true)]
    public Task<int> LoopbackRoundTrip() => Bare();

    [Benchmark]
    public Task<int> FreshHit() => Pipeline();

    /// <summary>The same hit without IHttpClientFactory's logging handlers: what our handlers alone cost.</summary>
    [Benchmark]
    public Task<int> FreshHitHandlersOnly() => HandlersOnly();
}

/// <summary>A 304 revalidation of a 1 MB body against a full 200 of the same body, both through the pipeline.</summary>
[MemoryDiagnoser]
public class CacheRevalidationBenchmarks : CacheBenchmarkBase
{
    [GlobalSetup]
    public Task SetupAsync() => StartAsync("big", warm: true);

    [Benchmark(Baseline = true)]
    public Task<int> Full200() => Pipeline(bypass: true);

    [Benchmark]
    public Task<int> Revalidated304() => Pipeline();

    /// <summary>
    /// The same revalidation answered with a full 200 (the origin ignores If-None-Match): what the 304 saves when the
    /// body has not changed. The cache reads and stores the new 1 MB, as it must.
    /// </summary>
    [Benchmark]
    public Task<int> Revalidated200() => CacheBenchmarkOrigin.GetAsync(Origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, new Uri(Origin.BaseUri, "bigchanged")), Buffer);

    /// <summary>
    /// The floor under any 304: a fresh hit of the same 1 MB, which costs no round trip, only handing the stored body to
    /// the caller, who copies it into its buffer. A 304 costs this plus one small loopback round trip.
    /// </summary>
    [Benchmark]
    public Task<int> FreshHit1MB() => BigFresh();
}

/// <summary>A request the cache cannot serve (no validators, no freshness) through the whole pipeline, against a bare SocketsHttpHandler.</summary>
[MemoryDiagnoser]
public class CacheMissBenchmarks : CacheBenchmarkBase
{
    [GlobalSetup]
    public Task SetupAsync() => StartAsync("plain", warm: false);

    [Benchmark(Baseline = true)]
    public Task<int> BareSocketsHttpHandler() => Bare();

    [Benchmark]
    public Task<int> WholePipeline() => Pipeline();

    /// <summary>The same pass-through without IHttpClientFactory's logging handlers: what our handlers alone add.</summary>
    [Benchmark]
    public Task<int> WholePipelineHandlersOnly() => HandlersOnly();
}
