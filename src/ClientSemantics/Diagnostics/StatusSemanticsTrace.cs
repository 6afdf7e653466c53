using ClientSemantics.Diagnostics;

namespace ClientSemantics;

/// <summary>
/// What the ClientSemantics pipeline did for one call, step by step. Read it from the final response with
/// <see cref="StatusSemanticsResponseExtensions.GetStatusSemanticsTrace(HttpResponseMessage)"/>.
/// </summary>
public sealed class StatusSemanticsTrace
{
    // Every call pays for its trace, and most record two steps (one stage's decision, then the pipeline's return):
    // those two live in the trace itself as compact structs; the public entry objects are built only when read.
    private readonly TimeProvider _timeProvider;
    private TraceStep _first;
    private TraceStep _second;
    private TraceStep[]? _more;
    private int _count;

    internal StatusSemanticsTrace(TimeProvider timeProvider) => _timeProvider = timeProvider;

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

    /// <summary>Records a step. Safe to call from a background revalidation.</summary>
    internal void Add(
        StatusSemanticsStage stage,
        HttpRequestMessage request,
        int? statusCode,
        string decision,
        string? reason = null,
        TimeSpan? delay = null)
    {
        var step = new TraceStep(_timeProvider.GetUtcNow(), stage, request.Method, TraceUri.WithoutUserInfo(request.RequestUri), statusCode, decision, reason, delay);
        lock (this)
        {
            switch (_count)
            {
                case 0:
                    _first = step;
                    break;
                case 1:
                    _second = step;
                    break;
                default:
                    var index = _count - 2;
                    if (_more is null || index == _more.Length)
                    {
                        Array.Resize(ref _more, _more is null ? 4 : _more.Length * 2);
                    }

                    _more[index] = step;
                    break;
            }

            _count++;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Entries);

    private ref readonly TraceStep At(int index)
    {
        if (index == 0)
        {
            return ref _first;
        }

        if (index == 1)
        {
            return ref _second;
        }

        return ref _more![index - 2];
    }
}
