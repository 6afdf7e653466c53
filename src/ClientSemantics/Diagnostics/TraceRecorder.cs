namespace ClientSemantics.Diagnostics;

/// <summary>
/// Where a call's trace lives. While the trace handler's synchronous part runs (the whole of a cache hit), the
/// current thread holds it; before anything of the call can continue on another thread (an await, the network), it
/// is published into the request's options, which every hop of the call shares. A synchronous cache hit is never
/// published: its response carries the trace itself, and the call writes nothing into the request's options.
/// </summary>
internal static class TraceRecorder
{
    internal static readonly HttpRequestOptionsKey<StatusSemanticsTrace> Key = new("ClientSemantics.Trace");

    [ThreadStatic]
    private static HttpRequestMessage? t_request;

    [ThreadStatic]
    private static StatusSemanticsTrace? t_trace;

    public static StatusSemanticsTrace? Get(HttpRequestMessage request) =>
        ReferenceEquals(t_request, request) ? t_trace : request.Options.TryGetValue(Key, out var trace) ? trace : null;

    /// <summary>
    /// Puts the current call's trace into the request's options. Every stage calls this before it awaits or hands
    /// the request to anything that may; it costs nothing when the trace is published already or held by no thread.
    /// </summary>
    public static void Publish(HttpRequestMessage request)
    {
        if (ReferenceEquals(t_request, request) && t_trace is { Published: false } trace)
        {
            Publish(request, trace);
        }
    }

    public static void Record(
        HttpRequestMessage request,
        StatusSemanticsStage stage,
        int? statusCode,
        string decision,
        string? reason = null,
        TimeSpan? delay = null,
        DateTimeOffset? at = null) =>
        Get(request)?.Add(stage, request, statusCode, decision, reason, delay, at);

    /// <summary>Makes <paramref name="trace"/> the current thread's call until <see cref="Leave"/>; returns what it replaces.</summary>
    internal static (HttpRequestMessage? Request, StatusSemanticsTrace? Trace) Enter(HttpRequestMessage request, StatusSemanticsTrace trace)
    {
        var previous = (t_request, t_trace);
        (t_request, t_trace) = (request, trace);
        return previous;
    }

    internal static void Leave((HttpRequestMessage? Request, StatusSemanticsTrace? Trace) previous) =>
        (t_request, t_trace) = previous;

    internal static void Publish(HttpRequestMessage request, StatusSemanticsTrace trace)
    {
        trace.Published = true;
        request.Options.Set(Key, trace);
    }
}
