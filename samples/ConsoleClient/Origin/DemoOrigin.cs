using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConsoleClient.Origin;

/// <summary>One request the origin answered: what came in and the status that went out.</summary>
internal sealed record Exchange(string Method, string Path, int Status)
{
    public override string ToString() => $"{Method} {Path} {Status}";
}

/// <summary>
/// The embedded origin of the demo: a real Kestrel server on 127.0.0.1 with a free port, answering the seed's
/// status-code examples (see <see cref="DemoRoutes"/>) and recording every exchange, so the demo can show what
/// crossed the wire.
/// </summary>
internal sealed class DemoOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private readonly ConcurrentDictionary<string, int> _arrivals = new(StringComparer.Ordinal);
    private readonly ModifiedFile _file;
    private Action<TimeSpan>? _retryAfterSent;

    private DemoOrigin(WebApplication app, ModifiedFile file)
    {
        _app = app;
        _file = file;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The exchanges since the last <see cref="Reset"/>, in the order they finished.</summary>
    public IReadOnlyList<Exchange> Exchanges => _exchanges.ToArray();

    public ModifiedFile File => _file;

    public static async Task<DemoOrigin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var origin = new DemoOrigin(app, ModifiedFile.Create());
        app.Use(origin.RecordAsync);
        DemoRoutes.Map(app, origin);
        await app.StartAsync().ConfigureAwait(false);
        origin.BaseUri = new Uri(app.Urls.First() + "/");
        return origin;
    }

    public Uri Url(string path) => new(BaseUri, path.TrimStart('/'));

    /// <summary>Forgets the exchanges and the per-path arrival counts, so each run of a scenario starts afresh.</summary>
    public void Reset()
    {
        _exchanges.Clear();
        _arrivals.Clear();
    }

    /// <summary>How many requests for <paramref name="path"/> arrived since the last reset, this one included.</summary>
    public int Arrivals(HttpContext context) => _arrivals.GetValueOrDefault(context.Request.Path.Value ?? "/");

    /// <summary>Calls <paramref name="listener"/> whenever the origin answers with a Retry-After, until disposed.</summary>
    public IDisposable OnRetryAfter(Action<TimeSpan> listener)
    {
        _retryAfterSent = listener;
        return new Unsubscriber(() => _retryAfterSent = null);
    }

    /// <summary>Sends a status with Retry-After (in seconds) and tells the listener, so the demo can count down.</summary>
    public Task RetryLaterAsync(HttpContext context, int status, int seconds, string body)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _retryAfterSent?.Invoke(TimeSpan.FromSeconds(seconds));
        return context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _file.Dispose();
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        _arrivals.AddOrUpdate(path, 1, (_, n) => n + 1);
        await next(context).ConfigureAwait(false);
        _exchanges.Enqueue(new Exchange(context.Request.Method, path, context.Response.StatusCode));
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
