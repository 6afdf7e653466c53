namespace ClientSemantics.Diagnostics;

/// <summary>Where a call's trace lives: in the request's options, which every hop of the call shares.</summary>
internal static class TraceRecorder
{
    internal static readonly HttpRequestOptionsKey<StatusSemanticsTrace> Key = new("ClientSemantics.Trace");

    public static StatusSemanticsTrace? Get(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var trace) ? trace : null;

    public static void Record(
        HttpRequestMessage request,
        StatusSemanticsStage stage,
        int? statusCode,
        string decision,
        string? reason = null,
        TimeSpan? delay = null) =>
        Get(request)?.Add(stage, request, statusCode, decision, reason, delay);
}
