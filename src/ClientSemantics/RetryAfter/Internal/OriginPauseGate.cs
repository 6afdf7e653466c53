using ClientSemantics.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ClientSemantics.RetryAfter;

/// <summary>
/// The shared per-origin pause: once an origin answers 503 or 429 with Retry-After, no request of this client goes
/// there before that time (RFC 9110 10.2.3, RFC 6585 4). Callers wait within their cap, or are refused at once.
/// </summary>
internal sealed class OriginPauseGate(IOriginPauseStore store, TimeProvider timeProvider, RetryAfterOptions options, ILogger logger)
{
    /// <summary>
    /// False only when the in-memory store holds no pause for the origin: the call then goes out without the gate's
    /// asynchronous question. Another store (Redis) is always asked.
    /// </summary>
    public bool MayBePaused(string origin) => store is not InMemoryOriginPauseStore memory || memory.Holds(origin);

    /// <summary>Starts a pause when the response asks for one. Other statuses with Retry-After (413, 3xx) concern one request only.</summary>
    public async ValueTask ObserveAsync(string origin, int status, TimeSpan? retryAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (status is 503 or 429 && retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            var resumeAt = wait >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + wait;
            await store.PauseUntilAsync(origin, resumeAt, cancellationToken).ConfigureAwait(false);
            Log.OriginPaused(logger, origin, wait.TotalSeconds);
        }
    }

    /// <summary>Waits until the origin's pause is over, or throws <see cref="RetryAfterPauseException"/> when that is beyond the caller's cap.</summary>
    public async ValueTask WaitAsync(CallState call, CancellationToken cancellationToken)
    {
        while (await store.GetResumeAtAsync(call.Origin, cancellationToken).ConfigureAwait(false) is { } resumeAt)
        {
            var now = timeProvider.GetUtcNow();
            var wait = resumeAt - now;
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            var request = call.Request;
            var where = TraceUri.HostAndPath(request.RequestUri);
            var left = RequestDeadline.TimeLeft(call.Deadline, now);
            if (wait > options.MaxDelay || (left is { } l && wait > l))
            {
                TraceRecorder.Record(request, StatusSemanticsStage.RetryAfter, null, "give-up",
                    $"{call.Origin} is paused by Retry-After for longer than this call may wait: no request sent", wait);
                Log.PauseRefused(logger, request.Method.Method, where, call.Origin, wait.TotalSeconds);
                throw new RetryAfterPauseException(call.Origin, resumeAt, wait);
            }

            TraceRecorder.Record(request, StatusSemanticsStage.RetryAfter, null, "wait",
                $"{call.Origin} is paused by an earlier Retry-After: waiting instead of sending", wait);
            Log.PauseWait(logger, wait.TotalSeconds, call.Origin, request.Method.Method, where);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
