namespace ClientSemantics.Diagnostics;

/// <summary>
/// The outermost handler: starts the call's trace in the request's options, where every stage and, at the end, the
/// caller find it. It does not wait for the answer: every answer carries the request it answers (the primary handler
/// sets it, a cache hit builds its own with it, no stage swaps the request), and the closing "return" step is written
/// when the trace is read from the final response. One asynchronous frame less on every call.
/// </summary>
internal sealed class TraceHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (TraceRecorder.Get(request) is null)
        {
            request.Options.Set(TraceRecorder.Key, new StatusSemanticsTrace(timeProvider));
        }

        var pending = base.SendAsync(request, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            // An answer that is already there is checked in place (a primary that leaves RequestMessage unset would
            // otherwise hide the trace); one that is not is checked by the stages that wait for it.
            pending.Result.RequestMessage ??= request;
        }

        return pending;
    }
}
