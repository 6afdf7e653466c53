namespace ClientSemantics.RetryAfter;

/// <summary>The caller's deadline, from <see cref="RetryAfterRequestExtensions"/>: the only way a handler learns it.</summary>
internal static class RequestDeadline
{
    internal static readonly HttpRequestOptionsKey<DateTimeOffset> DeadlineKey = new("ClientSemantics.RetryAfter.Deadline");
    internal static readonly HttpRequestOptionsKey<TimeSpan> BudgetKey = new("ClientSemantics.RetryAfter.TimeBudget");

    /// <summary>
    /// The deadline of this call, turning a time budget (or else the client's HttpClient.Timeout) into a deadline
    /// the first time it is seen.
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

        if (hasBudget)
        {
            // Fixed once, so that a redirect hop re-entering this stage does not get a fresh budget.
            deadline = budget >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + budget;
            request.Options.Set(DeadlineKey, deadline);
            return deadline;
        }

        return null;
    }

    public static TimeSpan? TimeLeft(DateTimeOffset? deadline, DateTimeOffset now) =>
        deadline is { } d ? (d > now ? d - now : TimeSpan.Zero) : null;
}

/// <summary>The Retry-After a response carried, kept beside the response it belongs to.</summary>
internal sealed record RetryAfterRecord(HttpResponseMessage Response, TimeSpan Delay)
{
    internal static readonly HttpRequestOptionsKey<RetryAfterRecord> Key = new("ClientSemantics.RetryAfter.Asked");
}

internal static class Origin
{
    /// <summary>Scheme, host and port (RFC 9110 4.3.1): the unit a pause and a budget apply to. Never user information.</summary>
    public static string Of(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
            ? uri.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.UriEscaped).ToLowerInvariant()
            : "(relative)";
}
