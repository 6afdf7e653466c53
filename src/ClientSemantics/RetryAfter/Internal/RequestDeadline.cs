using ClientSemantics.Diagnostics;

namespace ClientSemantics.RetryAfter;

/// <summary>The caller's deadline, from <see cref="RetryAfterRequestExtensions"/>: the only way a handler learns it.</summary>
internal static class RequestDeadline
{
    internal static readonly HttpRequestOptionsKey<DateTimeOffset> DeadlineKey = new("ClientSemantics.RetryAfter.Deadline");
    internal static readonly HttpRequestOptionsKey<TimeSpan> BudgetKey = new("ClientSemantics.RetryAfter.TimeBudget");

    /// <summary>
    /// The deadline of this call: the caller's deadline, else its time budget (or else the client's HttpClient.Timeout)
    /// counted from when the call entered the pipeline. Inside the pipeline that start is the trace's, fixed once per
    /// call, so a redirect hop re-entering this stage gets no fresh budget and nothing is written to the request.
    /// </summary>
    public static DateTimeOffset? Resolve(HttpRequestMessage request, DateTimeOffset now, TimeSpan? clientTimeout = null)
    {
        if (request.Options.TryGetValue(DeadlineKey, out var deadline))
        {
            return deadline;
        }

        var hasBudget = request.Options.TryGetValue(BudgetKey, out var budget);
        if (!hasBudget && clientTimeout is { } timeout)
        {
            (hasBudget, budget) = (true, timeout);
        }

        if (!hasBudget)
        {
            return null;
        }

        var started = TraceRecorder.Get(request)?.StartedAt;
        var start = started ?? now;
        deadline = budget >= DateTimeOffset.MaxValue - start ? DateTimeOffset.MaxValue : start + budget;
        if (started is null)
        {
            // Outside the pipeline (a handler used on its own): fixed on first sight instead.
            request.Options.Set(DeadlineKey, deadline);
        }

        return deadline;
    }

    public static TimeSpan? TimeLeft(DateTimeOffset? deadline, DateTimeOffset now) =>
        deadline is { } d ? (d > now ? d - now : TimeSpan.Zero) : null;
}

/// <summary>The Retry-After a response carried, kept beside the response it belongs to.</summary>
internal sealed record RetryAfterRecord(HttpResponseMessage Response, TimeSpan Delay)
{
    internal static readonly HttpRequestOptionsKey<RetryAfterRecord> Key = new("ClientSemantics.RetryAfter.Asked");
}
