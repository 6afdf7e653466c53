using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// A call through a remembered 301 against a direct call to its target, both through the whole pipeline against a
/// Kestrel origin on loopback. The remembered 301 must cost one origin request, not two (checked in GlobalSetup);
/// a live 302 is measured beside them to show what the memory saves.
/// </summary>
[MemoryDiagnoser]
public class RedirectBenchmarks
{
    private WebApplication _origin = null!;
    private ServiceProvider _services = null!;
    private HttpClient _client = null!;
    private Uri _old = null!;
    private Uri _new = null!;
    private Uri _temporary = null!;
    private int _oldRequests;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _origin = builder.Build();
        _origin.Run(ctx =>
        {
            switch (ctx.Request.Path.Value)
            {
                case "/old":
                    Interlocked.Increment(ref _oldRequests);
                    ctx.Response.StatusCode = 301;
                    ctx.Response.Headers.Location = "/new";
                    return Task.CompletedTask;
                case "/temporary":
                    ctx.Response.StatusCode = 302;
                    ctx.Response.Headers.Location = "/new";
                    return Task.CompletedTask;
                default:
                    return ctx.Response.WriteAsync("hello");
            }
        });
        await _origin.StartAsync();
        var root = new Uri(_origin.Urls.First() + "/");
        (_old, _new, _temporary) = (new Uri(root, "old"), new Uri(root, "new"), new Uri(root, "temporary"));

        var services = new ServiceCollection();
        services.AddHttpClient("bench").AddStatusSemantics();
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IHttpClientFactory>().CreateClient("bench");

        (await _client.GetAsync(_old)).Dispose(); // learns the 301
        var before = Volatile.Read(ref _oldRequests);
        (await _client.GetAsync(_old)).Dispose();
        if (Volatile.Read(ref _oldRequests) != before)
        {
            throw new InvalidOperationException("A remembered 301 must not reach the source: it costs one origin request, not two.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _services.DisposeAsync();
        await _origin.StopAsync();
        await _origin.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> DirectToTarget()
    {
        using var response = await _client.GetAsync(_new);
        return (int)response.StatusCode;
    }

    [Benchmark]
    public async Task<int> ThroughRemembered301()
    {
        using var response = await _client.GetAsync(_old);
        return (int)response.StatusCode;
    }

    [Benchmark]
    public async Task<int> ThroughLive302()
    {
        using var response = await _client.GetAsync(_temporary);
        return (int)response.StatusCode;
    }
}
