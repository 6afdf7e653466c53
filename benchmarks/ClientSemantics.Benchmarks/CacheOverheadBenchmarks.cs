using System.Net;
using BenchmarkDotNet.Attributes;
using ClientSemantics;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// Our handlers alone, over a stub primary handler that answers at once: no socket, no HttpClient, no factory
/// logging. This isolates what the pipeline adds per call from loopback noise (the honest "our overhead").
/// </summary>
[MemoryDiagnoser]
public class CacheOverheadBenchmarks
{
    private static readonly Uri Plain = new("http://stub.test/plain");
    private static readonly Uri Fresh = new("http://stub.test/fresh");
    private ServiceProvider _services = null!;
    private HttpMessageInvoker _pipeline = null!;
    private HttpMessageInvoker _bare = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("stub").RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new StubOrigin())
            .AddStatusSemantics(o => o.Redirects.AllowUnknownPrimaryHandler = true);
        _services = services.BuildServiceProvider();
        _pipeline = new HttpMessageInvoker(_services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("stub"), disposeHandler: false);
        _bare = new HttpMessageInvoker(new StubOrigin());
        (await SendAsync(_pipeline, Fresh)).Dispose();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<HttpStatusCode> StubAlone() => Done(await SendAsync(_bare, Plain));

    [Benchmark]
    public async Task<HttpStatusCode> PassThrough() => Done(await SendAsync(_pipeline, Plain));

    [Benchmark]
    public async Task<HttpStatusCode> FreshHit() => Done(await SendAsync(_pipeline, Fresh));

    private static Task<HttpResponseMessage> SendAsync(HttpMessageInvoker invoker, Uri uri) =>
        invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), CancellationToken.None);

    private static HttpStatusCode Done(HttpResponseMessage response)
    {
        response.Dispose();
        return response.StatusCode;
    }
}
