using ClientSemantics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClientSemantics.Benchmarks;

/// <summary>A loopback Kestrel origin and the clients the cache benchmarks compare: bare SocketsHttpHandler and the whole pipeline.</summary>
public sealed class CacheBenchmarkOrigin : IAsyncDisposable
{
    public const int SmallBody = 128;
    public const int BigBody = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly ServiceProvider _services;

    private CacheBenchmarkOrigin(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        var services = new ServiceCollection();
        services.AddHttpClient("bench").AddStatusSemantics(o => o.Cache.MaxEntryBytes = 4 * BigBody);
        // The same pipeline without the factory's own LoggingHttpMessageHandler/LoggingScopeHttpMessageHandler, to
        // show what our handlers cost apart from what IHttpClientFactory adds to every named client.
        services.AddHttpClient("bench-handlers-only").RemoveAllLoggers().AddStatusSemantics(o => o.Cache.MaxEntryBytes = 4 * BigBody);
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        Pipeline = factory.CreateClient("bench");
        HandlersOnly = factory.CreateClient("bench-handlers-only");
        Bare = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    public Uri BaseUri { get; }

    /// <summary>The whole pipeline, as a user gets it from <c>AddHttpClient("bench").AddStatusSemantics()</c>.</summary>
    public HttpClient Pipeline { get; }

    /// <summary>The same pipeline with the factory's logging handlers removed: our handlers only.</summary>
    public HttpClient HandlersOnly { get; }

    public HttpClient Bare { get; }

    public static async Task<CacheBenchmarkOrigin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var small = new byte[SmallBody];
        var big = new byte[BigBody];
        app.Run(ctx => ctx.Request.Path.Value switch
        {
            "/fresh" => Write(ctx, small, "max-age=86400", null),
            "/plain" => Write(ctx, small, null, null),
            "/bigchanged" => Write(ctx, big, "no-cache", "\"big\""),
            "/bigfresh" => Write(ctx, big, "max-age=86400", "\"big\""),
            "/big" => ctx.Request.Headers.IfNoneMatch == "\"big\"" ? NotModified(ctx) : Write(ctx, big, "no-cache", "\"big\""),
            _ => Task.CompletedTask,
        });
        await app.StartAsync();
        return new CacheBenchmarkOrigin(app, new Uri(app.Urls.First() + "/"));
    }

    /// <summary>Sends a GET and reads the whole body into <paramref name="buffer"/>, as a caller does.</summary>
    public static async Task<int> GetAsync(HttpClient client, HttpRequestMessage request, byte[] buffer)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int total = 0, read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return total;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Bare.Dispose();
        await _services.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task Write(HttpContext ctx, byte[] body, string? cacheControl, string? etag)
    {
        if (cacheControl is not null)
        {
            ctx.Response.Headers.CacheControl = cacheControl;
        }

        if (etag is not null)
        {
            ctx.Response.Headers.ETag = etag;
        }

        ctx.Response.ContentLength = body.Length;
        return ctx.Response.Body.WriteAsync(body).AsTask();
    }

    private static Task NotModified(HttpContext ctx)
    {
        ctx.Response.StatusCode = StatusCodes.Status304NotModified;
        ctx.Response.Headers.ETag = "\"big\"";
        ctx.Response.Headers.CacheControl = "no-cache";
        return Task.CompletedTask;
    }
}
