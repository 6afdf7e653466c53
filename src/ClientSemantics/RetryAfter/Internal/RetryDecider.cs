using System.Globalization;

namespace ClientSemantics.RetryAfter;

/// <summary>The backoff rules as a pure function: no clock, no I/O, no logging. Tested as a table.</summary>
internal static class RetryDecider
{
    internal const string BudgetSpent = "the origin's retry budget is spent: retries are limited to a share of recent requests";

    public static RetryDecision Decide(in RetryInput input, RetryAfterOptions options)
    {
        var status = input.Status;
        switch (status)
        {
            // RFC 9110 15.6.1, 15.6.2: the server failed or cannot do this at all; repeating asks the same question.
            case 500 or 501:
                return RetryDecision.GiveUp($"{status} is not transient: returned without a retry");
            // RFC 9110 15.6.6: a version problem is fixed by changing the framing (the Recovery stage), not by waiting.
            case 505:
                return RetryDecision.GiveUp("505 is not transient: backoff never retries it (the Recovery stage owns the one-time HTTP/1.1 repeat)");
            // RFC 9110 15.5.14: 413 says the body is too large; only a Retry-After says the condition is temporary.
            case 413 when input.RetryAfter is null:
                return RetryDecision.GiveUp("413 without Retry-After: the body is too large, a retry would fail the same way");
            case 408 or 413 or 429 or 502 or 503 or 504:
                break;
            default:
                return RetryDecision.Pass;
        }

        if (input.OtherRetryLayer)
        {
            return RetryDecision.GiveUp("a Microsoft.Extensions.Http.Resilience handler in this client already retries: one retry layer only", input.RetryAfter);
        }

        // RFC 9110 9.2.2: only idempotent requests may be repeated blindly; an Idempotency-Key makes a POST safe to repeat.
        if (!IsIdempotent(input.Method) && !input.HasIdempotencyKey && !options.RetryNonIdempotent)
        {
            return RetryDecision.GiveUp($"{input.Method} is not idempotent and carries no Idempotency-Key", input.RetryAfter);
        }

        if (!input.BodyRereadable)
        {
            return RetryDecision.GiveUp("the request body cannot be read a second time", input.RetryAfter);
        }

        // RFC 9110 15.5.9: the server closed an idle connection; one immediate repeat is enough.
        var limit = status == 408 ? Math.Min(1, options.MaxRetries) : options.MaxRetries;
        if (input.Retries >= limit)
        {
            return RetryDecision.GiveUp($"{Count(limit)} already made", input.RetryAfter);
        }

        TimeSpan delay;
        string why;
        if (status == 408)
        {
            (delay, why) = (TimeSpan.Zero, "408: the connection timed out before the request; repeated once, at once");
        }
        else if (input.RetryAfter is { } asked && status is 503 or 429 or 413)
        {
            // RFC 9110 10.2.3: honour the server's wait, but never sleep longer than the caller can wait.
            if (asked > options.MaxDelay)
            {
                return RetryDecision.GiveUp($"Retry-After asks for {Seconds(asked)}, more than MaxDelay {Seconds(options.MaxDelay)}: returned at once", asked);
            }

            (delay, why) = (asked, $"Retry-After asks for {Seconds(asked)}");
        }
        else
        {
            delay = Backoff.Exponential(options.BaseDelay, input.Retries, input.Jitter, options.MaxDelay);
            why = $"{status} without a usable Retry-After: exponential backoff with jitter";
        }

        if (input.TimeLeft is { } left && delay > left)
        {
            return RetryDecision.GiveUp($"the wait of {Seconds(delay)} ends after the caller's deadline ({Seconds(left)} left): returned at once", delay);
        }

        if (!input.BudgetHasRoom)
        {
            return RetryDecision.GiveUp(BudgetSpent, input.RetryAfter);
        }

        return RetryDecision.RetryAfter(delay, why);
    }

    /// <summary>RFC 9110 9.2.2: GET, HEAD, OPTIONS, TRACE, PUT and DELETE are idempotent.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete;

    private static string Count(int n) => n == 1 ? "1 retry" : n.ToString(CultureInfo.InvariantCulture) + " retries";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
