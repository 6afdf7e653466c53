using System.Diagnostics.Metrics;
using ClientSemantics.Caching;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClientSemantics.Tests.Caching;

/// <summary>Helpers the cache's pipeline tests share: origins with fixed-length bodies, a fake clock, the client's store.</summary>
internal static class CacheTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static TestClient Client(Action<StatusSemanticsOptions>? configure = null, Action<IServiceCollection>? services = null, string name = TestClient.DefaultName) =>
        TestClient.Create(configure, new FakeTimeProvider(Start), configureServices: services, name: name);

    /// <summary>Answers with a body of known length (so the cache reads it eagerly) and the given headers.</summary>
    public static TestOrigin MapBody(this TestOrigin origin, string path, int status, string body, params (string Name, string Value)[] headers) =>
        origin.Map(path, async ctx =>
        {
            ctx.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                ctx.Response.Headers.Append(name, value);
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            ctx.Response.ContentLength = bytes.Length;
            await ctx.Response.Body.WriteAsync(bytes);
        });

    /// <summary>Answers 304 when If-None-Match carries <paramref name="etag"/>, else 200 with the body; both with the given Cache-Control.</summary>
    public static TestOrigin MapValidated(this TestOrigin origin, string path, string cacheControl, string etag, string body) =>
        origin.Map(path, async ctx =>
        {
            ctx.Response.Headers.CacheControl = cacheControl;
            ctx.Response.Headers.ETag = etag;
            if (ctx.Request.Headers.IfNoneMatch == etag)
            {
                ctx.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            await ctx.Response.WriteAsync(body);
        });

    /// <summary>Answers with a chunked body (length unknown: the cache tees it while the caller reads).</summary>
    public static TestOrigin MapChunked(this TestOrigin origin, string path, string body, params (string Name, string Value)[] headers) =>
        origin.Map(path, async ctx =>
        {
            foreach (var (name, value) in headers)
            {
                ctx.Response.Headers.Append(name, value);
            }

            await ctx.Response.WriteAsync(body);
        });

    public static string? CacheStatus(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Status", out var values) ? string.Join(", ", values) : null;

    public static MemoryResponseCacheStore Store(this TestClient client) =>
        (MemoryResponseCacheStore)client.Services.GetRequiredKeyedService<IResponseCacheStore>(client.Name);

    public static async Task<string> GetStringAsync(this TestClient client, Uri uri, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        configure?.Invoke(request);
        using var response = await client.CreateHttpClient().SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Counts cache metric results as they happen, so a test can wait for e.g. N coalesced waiters without sleeping.</summary>
    public sealed class ResultCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, int> _counts = [];
        private readonly List<(string Result, int Count, TaskCompletionSource Signal)> _waits = [];

        public ResultCounter(string clientName)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "client_semantics.cache.requests")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                var ours = false;
                foreach (var tag in tags)
                {
                    ours |= tag.Key == "client_semantics.client" && (string?)tag.Value == clientName;
                }

                if (!ours)
                {
                    return;
                }

                foreach (var tag in tags)
                {
                    if (tag.Key == "result" && tag.Value is string result)
                    {
                        lock (_counts)
                        {
                            _counts[result] = _counts.GetValueOrDefault(result) + 1;
                            foreach (var wait in _waits.Where(w => w.Result == result && _counts[result] >= w.Count))
                            {
                                wait.Signal.TrySetResult();
                            }
                        }
                    }
                }
            });
            _listener.Start();
        }

        public int Count(string result)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(result);
            }
        }

        public Task WhenAsync(string result, int count)
        {
            lock (_counts)
            {
                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_counts.GetValueOrDefault(result) >= count)
                {
                    signal.SetResult();
                }

                _waits.Add((result, count, signal));
                return signal.Task;
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
