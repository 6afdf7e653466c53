using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClientSemantics.Tests.Infrastructure;

/// <summary>One request as the origin received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    int Port)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real Kestrel origin on 127.0.0.1 with a free port. Tests program it per path with <see cref="Map"/> and read
/// what crossed the wire from <see cref="Requests"/> (MockWebServer's takeRequest, in spirit).
/// Paths with no handler answer 404.
/// </summary>
public sealed class TestOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private TestOrigin(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public int Port => BaseUri.Port;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<TestOrigin> StartAsync(Action<KestrelServerOptionsHook>? configureKestrel = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (configureKestrel is not null)
        {
            builder.WebHost.ConfigureKestrel(k => configureKestrel(new KestrelServerOptionsHook(k)));
        }

        var app = builder.Build();
        var origin = new TestOrigin(app);
        app.Run(origin.DispatchAsync);
        await app.StartAsync();
        origin.BaseUri = new Uri(app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal) + "/");
        return origin;
    }

    /// <summary>Answers requests to <paramref name="path"/> (exact match, without query) with <paramref name="handler"/>.</summary>
    public TestOrigin Map(string path, RequestDelegate handler)
    {
        _routes[path] = handler;
        return this;
    }

    /// <summary>Answers <paramref name="path"/> with a fixed status, headers and body.</summary>
    public TestOrigin MapStatus(string path, int status, string? body = null, params (string Name, string Value)[] headers) =>
        Map(path, async ctx =>
        {
            ctx.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                ctx.Response.Headers.Append(name, value);
            }

            if (body is not null)
            {
                await ctx.Response.WriteAsync(body);
            }
        });

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery.TrimStart('/'));

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToArray();

    public int CountFor(string path) => RequestsTo(path).Count;

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task DispatchAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.Path.Value + context.Request.QueryString.Value,
            headers,
            buffer.ToArray(),
            context.Connection.LocalPort));

        // Handlers may read the body again.
        context.Request.Body = new MemoryStream(buffer.ToArray());
        if (_routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound;
        }
    }
}

/// <summary>Lets a test reach Kestrel's options (HTTPS, protocols) without the test project naming Kestrel types everywhere.</summary>
public sealed class KestrelServerOptionsHook(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions options)
{
    public Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions Options { get; } = options;
}
