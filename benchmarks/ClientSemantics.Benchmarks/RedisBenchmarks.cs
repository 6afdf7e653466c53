using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// A cache hit served from Redis, written there by another instance (a second ServiceProvider), against a loopback
/// origin round trip and against a hit from the in-memory store, all for the same 128-byte fresh response. The
/// Redis reader has LocalTtl = 0 so that every call really reads Redis, and keeps its redirect and pause stores
/// local so that the row measures the cache read alone; the "local layer" row shows the defaults.
/// Starts its own redis-server on a free loopback port.
/// </summary>
[MemoryDiagnoser]
public class RedisCacheHitBenchmarks
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private Process _redis = null!;
    private CacheBenchmarkOrigin _origin = null!;
    private ServiceProvider _writer = null!;
    private ServiceProvider _reader = null!;
    private ServiceProvider _layered = null!;
    private HttpClient _redisHit = null!;
    private HttpClient _layerHit = null!;
    private Uri _fresh = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var port = FreePort();
        _redis = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --daemonize no") { RedirectStandardOutput = true })!;
        await WaitForRedisAsync(port);
        _origin = await CacheBenchmarkOrigin.StartAsync();
        _fresh = new Uri(_origin.BaseUri, "fresh");
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        (_writer, var write) = Client($"127.0.0.1:{port}", prefix, TimeSpan.FromSeconds(2), cacheOnly: false);
        (_reader, _redisHit) = Client($"127.0.0.1:{port}", prefix, TimeSpan.Zero, cacheOnly: true);
        (_layered, _layerHit) = Client($"127.0.0.1:{port}", prefix, TimeSpan.FromSeconds(2), cacheOnly: false);
        (await write.GetAsync(_fresh)).Dispose(); // the other instance stores the response in Redis

        // Warm the in-memory client; then prove that the Redis reader is answered without the origin.
        await CacheBenchmarkOrigin.GetAsync(_origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, _fresh), _buffer);
        using var hit = await _redisHit.GetAsync(_fresh);
        if (!string.Join(",", hit.Headers.GetValues("Cache-Status")).Contains("hit", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The Redis reader did not get a hit.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _writer.DisposeAsync();
        await _reader.DisposeAsync();
        await _layered.DisposeAsync();
        await _origin.DisposeAsync();
        _redis.Kill();
        _redis.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> OriginRoundTrip() => CacheBenchmarkOrigin.GetAsync(_origin.Bare, new HttpRequestMessage(HttpMethod.Get, _fresh), _buffer);

    [Benchmark]
    public Task<int> InMemoryHit() => CacheBenchmarkOrigin.GetAsync(_origin.Pipeline, new HttpRequestMessage(HttpMethod.Get, _fresh), _buffer);

    [Benchmark]
    public Task<int> RedisHitWrittenByOtherInstance() => CacheBenchmarkOrigin.GetAsync(_redisHit, new HttpRequestMessage(HttpMethod.Get, _fresh), _buffer);

    [Benchmark]
    public Task<int> RedisLocalLayerHit() => CacheBenchmarkOrigin.GetAsync(_layerHit, new HttpRequestMessage(HttpMethod.Get, _fresh), _buffer);

    private static (ServiceProvider, HttpClient) Client(string redis, string prefix, TimeSpan localTtl, bool cacheOnly)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("bench").AddStatusSemantics().UseRedis(redis, o =>
        {
            o.KeyPrefix = prefix;
            o.LocalTtl = localTtl;
            o.PermanentRedirects = !cacheOnly;
            o.Pause = !cacheOnly;
            o.OperationTimeout = TimeSpan.FromSeconds(2);
        });
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient("bench"));
    }

    private static async Task WaitForRedisAsync(int port)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (i < 100)
            {
                await Task.Delay(100); // redis-server is still starting
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
