using System.Net;
using BenchmarkDotNet.Attributes;
using ClientSemantics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// After the first call, an authenticated request costs one origin request (credentials sent up front), so its time
/// should be close to an unauthenticated one. Basic against a real Kestrel on 127.0.0.1.
/// </summary>
[MemoryDiagnoser]
public class AuthenticationBenchmarks
{
    private const string Expected = "Basic YWxpY2U6cHc="; // alice:pw
    private WebApplication _app = null!;
    private ServiceProvider _services = null!;
    private HttpClient _client = null!;
    private Uri _open = null!;
    private Uri _protected = null!;
    private int _requests;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async ctx =>
        {
            Interlocked.Increment(ref _requests);
            if (ctx.Request.Path == "/protected" && ctx.Request.Headers.Authorization != Expected)
            {
                ctx.Response.StatusCode = 401;
                ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"bench\"";
                return;
            }

            await ctx.Response.WriteAsync("ok");
        });
        await _app.StartAsync();
        var baseUri = new Uri(_app.Urls.First());
        _open = new Uri(baseUri, "/open");
        _protected = new Uri(baseUri, "/protected");

        var services = new ServiceCollection();
        services.AddHttpClient("bench").AddStatusSemantics(o => o.Authentication.Credentials = new NetworkCredential("alice", "pw"));
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IHttpClientFactory>().CreateClient("bench");

        (await _client.GetAsync(_protected)).Dispose(); // the first call: challenge and answer
        var before = _requests;
        (await _client.GetAsync(_protected)).Dispose();
        if (_requests - before != 1)
        {
            throw new InvalidOperationException($"An authenticated call after the first cost {_requests - before} origin requests, not 1.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _services.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<HttpStatusCode> Unauthenticated()
    {
        using var response = await _client.GetAsync(_open);
        return response.StatusCode;
    }

    [Benchmark]
    public async Task<HttpStatusCode> AuthenticatedPreemptive()
    {
        using var response = await _client.GetAsync(_protected);
        return response.StatusCode;
    }
}
