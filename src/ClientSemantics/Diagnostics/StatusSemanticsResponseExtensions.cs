using ClientSemantics.Diagnostics;

namespace ClientSemantics;

/// <summary>Reads what the ClientSemantics pipeline did from a response it returned.</summary>
public static class StatusSemanticsResponseExtensions
{
    /// <summary>
    /// The trace of the call that produced <paramref name="response"/>, or <see langword="null"/> when it did not pass
    /// the pipeline. The first read closes the trace with the pipeline's "return" step for this response.
    /// </summary>
    public static StatusSemanticsTrace? GetStatusSemanticsTrace(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var trace = response is Caching.CacheHitResponse { Trace: { } carried } ? carried
            : response.RequestMessage is { } request ? TraceRecorder.Get(request) : null;
        return trace?.Returned(response);
    }
}
