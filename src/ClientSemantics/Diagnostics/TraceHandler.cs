namespace ClientSemantics.Diagnostics;

/// <summary>
/// The outermost handler: starts the call's trace and makes sure the final response carries it, whichever
/// handler produced that response (a cache hit builds its own).
/// </summary>
internal sealed class TraceHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var trace = TraceRecorder.Get(request);
        if (trace is null)
        {
            trace = new StatusSemanticsTrace(timeProvider);
            request.Options.Set(TraceRecorder.Key, trace);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request;
        if (!ReferenceEquals(response.RequestMessage, request))
        {
            response.RequestMessage.Options.Set(TraceRecorder.Key, trace);
        }

        trace.Add(StatusSemanticsStage.Pipeline, response.RequestMessage, (int)response.StatusCode, "return");
        return response;
    }
}
