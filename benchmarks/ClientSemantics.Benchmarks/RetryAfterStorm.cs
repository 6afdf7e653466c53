using System.Net;
using ClientSemantics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// A deterministic 503 storm on a fake clock: <c>callers</c> concurrent GETs to an in-memory origin that answers
/// 503 with Retry-After until its outage ends. Counts the requests the origin received, with the shared per-origin
/// pause on (the default) or replaced by a store that never pauses.
/// </summary>
public static class RetryAfterStorm
{
    public sealed record Result(int Callers, int OriginRequests, int Succeeded)
    {
        public double RequestsPerCaller => (double)OriginRequests / Callers;

        public override string ToString() => $"{OriginRequests} origin requests for {Callers} callers ({RequestsPerCaller:0.00} per caller), {Succeeded} succeeded";
    }

    public static async Task<Result> RunAsync(bool sharedPause, int callers, TimeSpan outage, int retryAfterSeconds)
    {
        var time = new CountingTimeProvider();
        var origin = new StormOrigin(time, time.GetUtcNow() + outage, retryAfterSeconds);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddHttpClient("storm")
            .AddStatusSemantics(o => o.Redirects.AllowUnknownPrimaryHandler = true)
            .ConfigurePrimaryHttpMessageHandler(() => origin);
        if (!sharedPause)
        {
            services.AddKeyedSingleton<IOriginPauseStore>("storm", new NeverPaused());
        }

        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("storm");
        var calls = Enumerable.Range(0, callers).Select(_ => http.GetAsync(new Uri("http://origin.test/"))).ToArray();
        for (var step = 0; step < 10_000 && !calls.All(c => c.IsCompleted); step++)
        {
            // Quiescent: every caller has finished or is parked on a timer; only then move the clock.
            var spin = new SpinWait();
            while (calls.Count(c => c.IsCompleted) + time.Pending < callers)
            {
                spin.SpinOnce();
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var responses = await Task.WhenAll(calls);
        var ok = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        foreach (var r in responses)
        {
            r.Dispose();
        }

        return new Result(callers, origin.Requests, ok);
    }

    private sealed class StormOrigin(TimeProvider time, DateTimeOffset outageEnds, int retryAfterSeconds) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var response = new HttpResponseMessage(time.GetUtcNow() < outageEnds ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK) { RequestMessage = request };
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return Task.FromResult(response);
        }
    }

    private sealed class NeverPaused : IOriginPauseStore
    {
        public ValueTask<DateTimeOffset?> GetResumeAtAsync(string origin, CancellationToken cancellationToken) => ValueTask.FromResult<DateTimeOffset?>(null);

        public ValueTask PauseUntilAsync(string origin, DateTimeOffset resumeAt, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>A fake clock that knows how many timers are waiting to fire.</summary>
    private sealed class CountingTimeProvider : TimeProvider
    {
        private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        private int _pending;

        public int Pending => Volatile.Read(ref _pending);

        public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

        public override long GetTimestamp() => _fake.GetTimestamp();

        public override long TimestampFrequency => _fake.TimestampFrequency;

        public void Advance(TimeSpan by) => _fake.Advance(by);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _pending);
            return _fake.CreateTimer(
                s =>
                {
                    Interlocked.Decrement(ref _pending);
                    callback(s);
                },
                state,
                dueTime,
                period);
        }
    }
}
