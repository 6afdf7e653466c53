using ClientSemantics.Diagnostics;

namespace ClientSemantics;

/// <summary>
/// What the ClientSemantics pipeline did for one call, step by step. Read it from the final response with
/// <see cref="StatusSemanticsResponseExtensions.GetStatusSemanticsTrace(HttpResponseMessage)"/>.
/// </summary>
public sealed class StatusSemanticsTrace
{
    private readonly List<StatusSemanticsTraceEntry> _entries = [];
    private readonly TimeProvider _timeProvider;

    internal StatusSemanticsTrace(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>The steps in the order they were taken.</summary>
    public IReadOnlyList<StatusSemanticsTraceEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>Records a step. Safe to call from a background revalidation.</summary>
    internal void Add(
        StatusSemanticsStage stage,
        HttpRequestMessage request,
        int? statusCode,
        string decision,
        string? reason = null,
        TimeSpan? delay = null)
    {
        var entry = new StatusSemanticsTraceEntry(
            _timeProvider.GetUtcNow(),
            stage,
            request.Method.Method,
            TraceUri.WithoutUserInfo(request.RequestUri),
            statusCode,
            decision,
            reason,
            delay);
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Entries);
}
