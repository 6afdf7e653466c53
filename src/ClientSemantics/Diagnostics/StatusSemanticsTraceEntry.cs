namespace ClientSemantics;

/// <summary>One step the pipeline took for a call: which request, what came back, what was decided and why.</summary>
public sealed class StatusSemanticsTraceEntry
{
    internal StatusSemanticsTraceEntry(
        DateTimeOffset timestamp,
        StatusSemanticsStage stage,
        string method,
        Uri? uri,
        int? statusCode,
        string decision,
        string? reason,
        TimeSpan? delay)
    {
        Timestamp = timestamp;
        Stage = stage;
        Method = method;
        Uri = uri;
        StatusCode = statusCode;
        Decision = decision;
        Reason = reason;
        Delay = delay;
    }

    /// <summary>When the step was taken, from the pipeline's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The part of the pipeline that took the step.</summary>
    public StatusSemanticsStage Stage { get; }

    /// <summary>The request method of this hop.</summary>
    public string Method { get; }

    /// <summary>The request URI of this hop, without user information.</summary>
    public Uri? Uri { get; }

    /// <summary>The status code the step looked at, if a response was involved.</summary>
    public int? StatusCode { get; }

    /// <summary>A short, stable word for what was decided: <c>follow</c>, <c>stop</c>, <c>hit</c>, <c>retry</c>...</summary>
    public string Decision { get; }

    /// <summary>Why, in words a person can act on.</summary>
    public string? Reason { get; }

    /// <summary>A wait that was taken, or asked for and refused.</summary>
    public TimeSpan? Delay { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var status = StatusCode is int code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        var delay = Delay is TimeSpan d ? $" wait={d.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}s" : string.Empty;
        var reason = Reason is null ? string.Empty : $" ({Reason})";
        return $"{Stage,-14} {Method} {Uri} -> {status} {Decision}{delay}{reason}";
    }
}
