using ClientSemantics.Diagnostics;

namespace ClientSemantics;

/// <summary>
/// What the ClientSemantics pipeline did for one call, step by step. Read it from the final response with
/// <see cref="StatusSemanticsResponseExtensions.GetStatusSemanticsTrace(HttpResponseMessage)"/>.
/// </summary>
public sealed class StatusSemanticsTrace
{
    // Every call pays for its trace, and most record one step (the cache's hit or miss): that one lives in the trace
    // itself as a compact struct, further steps in an array; the public entry objects are built only when read. The
    // pipeline's closing "return" step is added when the trace is read from the final response, so that no handler
    // has to wait for the answer just to write it.
    private readonly TimeProvider _timeProvider;
    private TraceStep _first;
    private TraceStep[]? _more;
    private int _count;
    private bool _returned;

    internal StatusSemanticsTrace(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        StartedAt = timeProvider.GetUtcNow();
    }

    /// <summary>The steps in the order they were taken.</summary>
    public IReadOnlyList<StatusSemanticsTraceEntry> Entries
    {
        get
        {
            // The trace is private to the call and never handed to user code while steps are added except through
            // this property, so it is its own lock: one object less per call than a separate lock.
            lock (this)
            {
                var entries = new StatusSemanticsTraceEntry[_count];
                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i] = At(i).ToEntry();
                }

                return entries;
            }
        }
    }

    /// <summary>True once the trace is in the request's options (see <see cref="TraceRecorder"/>).</summary>
    internal bool Published { get; set; }

    /// <summary>When the call entered the pipeline: the one clock read every call makes, and the start of its time budget.</summary>
    internal DateTimeOffset StartedAt { get; }

    /// <summary>Records a step. Safe to call from a background revalidation.</summary>
    /// <param name="stage">The stage that took the step.</param>
    /// <param name="request">The request as it was at that step.</param>
    /// <param name="statusCode">The status the step is about, if any.</param>
    /// <param name="decision">The decision word.</param>
    /// <param name="reason">Why, if there is more to say.</param>
    /// <param name="delay">A wait, if the step is one.</param>
    /// <param name="at">A time the stage has just read from the same clock, so that it is not read again; null to read it.</param>
    internal void Add(
        StatusSemanticsStage stage,
        HttpRequestMessage request,
        int? statusCode,
        string decision,
        string? reason = null,
        TimeSpan? delay = null,
        DateTimeOffset? at = null)
    {
        var step = new TraceStep(at ?? _timeProvider.GetUtcNow(), stage, request.Method, TraceUri.WithoutUserInfo(request.RequestUri), statusCode, decision, reason, delay);
        lock (this)
        {
            Append(step);
        }
    }

    /// <summary>Closes the trace with the pipeline's "return" step for the final response, once, when it is first read from it.</summary>
    internal StatusSemanticsTrace Returned(HttpResponseMessage response)
    {
        lock (this)
        {
            if (!_returned && response.RequestMessage is { } request)
            {
                _returned = true;
                Add(StatusSemanticsStage.Pipeline, request, (int)response.StatusCode, "return"); // the lock is re-entrant
            }
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Entries);

    private void Append(in TraceStep step)
    {
        if (_count == 0)
        {
            _first = step;
        }
        else
        {
            var index = _count - 1;
            if (_more is null || index == _more.Length)
            {
                Array.Resize(ref _more, _more is null ? 4 : _more.Length * 2);
            }

            _more[index] = step;
        }

        _count++;
    }

    private ref readonly TraceStep At(int index) => ref index == 0 ? ref _first : ref _more![index - 1];
}
