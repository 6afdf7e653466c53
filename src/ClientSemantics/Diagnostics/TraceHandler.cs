namespace ClientSemantics.Diagnostics;

/// <summary>
/// The outermost handler: starts the call's trace and makes sure the final response carries it, whichever
/// handler produced that response (a cache hit builds its own).
/// </summary>
internal sealed class TraceHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var trace = TraceRecorder.Get(request);
        if (trace is null)
        {
            trace = new StatusSemanticsTrace(timeProvider);
            request.Options.Set(TraceRecorder.Key, trace);
        }

        // A response that is already there (a cache hit) is finished in place and its task handed on as it is:
        // no state machine and no second task for the commonest fast answer.
        var pending = base.SendAsync(request, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            Finish(request, trace, pending.Result);
            return pending;
        }

        return FinishAsync(request, trace, pending);
    }

    private static async Task<HttpResponseMessage> FinishAsync(HttpRequestMessage request, StatusSemanticsTrace trace, Task<HttpResponseMessage> pending)
    {
        var response = await pending.ConfigureAwait(false);
        Finish(request, trace, response);
        return response;
    }

    private static void Finish(HttpRequestMessage request, StatusSemanticsTrace trace, HttpResponseMessage response)
    {
        response.RequestMessage ??= request;
        if (!ReferenceEquals(response.RequestMessage, request))
        {
            response.RequestMessage.Options.Set(TraceRecorder.Key, trace);
        }

        trace.Add(StatusSemanticsStage.Pipeline, response.RequestMessage, (int)response.StatusCode, "return");
    }
}
