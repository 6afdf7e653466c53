using ClientSemantics.Caching;

namespace ClientSemantics.Diagnostics;

/// <summary>
/// The outermost handler: starts the call's trace. It does not wait for the answer: every answer carries the request
/// it answers (the primary sets it, a cache hit builds its own with it, no stage swaps the request), and the closing
/// "return" step is written when the trace is read from the final response. One asynchronous frame less on every call.
/// While the inner stages run synchronously the trace is held by this thread (see <see cref="TraceRecorder"/>): a
/// synchronous cache hit carries it on its own response and never writes into the request's options.
/// </summary>
internal sealed class TraceHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (TraceRecorder.Get(request) is not null)
        {
            return base.SendAsync(request, cancellationToken); // the same request sent again inside its own call
        }

        var trace = new StatusSemanticsTrace(timeProvider);
        var previous = TraceRecorder.Enter(request, trace);
        Task<HttpResponseMessage> pending;
        try
        {
            pending = base.SendAsync(request, cancellationToken);
        }
        finally
        {
            TraceRecorder.Leave(previous);
        }

        if (pending.IsCompletedSuccessfully)
        {
            // An answer that is already there is checked in place (a primary that leaves RequestMessage unset would
            // otherwise hide the trace); one that is not is checked by the stages that wait for it.
            var response = pending.Result;
            response.RequestMessage ??= request;
            if (!trace.Published && response is CacheHitResponse hit)
            {
                hit.Trace = trace;
                return pending;
            }
        }

        if (!trace.Published)
        {
            // Every stage publishes before it goes asynchronous; this covers an answer no stage waited for.
            TraceRecorder.Publish(request, trace);
        }

        return pending;
    }
}
