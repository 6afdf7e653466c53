namespace ClientSemantics.RetryAfter;

/// <summary>What the backoff stage does with one response.</summary>
internal enum RetryVerdict
{
    /// <summary>Not a status this stage acts on: returned untouched, nothing recorded.</summary>
    Pass,

    /// <summary>Sent again after <see cref="RetryDecision.Delay"/>.</summary>
    Retry,

    /// <summary>Returned to the caller; <see cref="RetryDecision.Reason"/> says why, <see cref="RetryDecision.Delay"/> holds any wait asked and refused.</summary>
    GiveUp,
}

/// <summary>The decider's answer: verdict, wait and a reason a person can act on.</summary>
internal readonly record struct RetryDecision(RetryVerdict Verdict, TimeSpan? Delay, string Reason)
{
    public static readonly RetryDecision Pass = new(RetryVerdict.Pass, null, string.Empty);

    /// <summary>The stable word written to the trace and the metric tag.</summary>
    public string Word => Verdict switch
    {
        RetryVerdict.Retry => "retry",
        RetryVerdict.GiveUp => "give-up",
        _ => "pass",
    };

    public static RetryDecision RetryAfter(TimeSpan delay, string reason) => new(RetryVerdict.Retry, delay, reason);

    public static RetryDecision GiveUp(string reason, TimeSpan? asked = null) => new(RetryVerdict.GiveUp, asked, reason);
}

/// <summary>Everything the decider looks at, read by the handler from the request, the response and the clock.</summary>
/// <param name="Method">The request method.</param>
/// <param name="Status">The response status code.</param>
/// <param name="HasIdempotencyKey">Whether the request carries an <c>Idempotency-Key</c> header.</param>
/// <param name="BodyRereadable">Whether the request body can be sent again (Http/RequestBody.IsRereadable).</param>
/// <param name="RetryAfter">The parsed Retry-After wait; null when absent or unreadable.</param>
/// <param name="Retries">Retries already made for this call.</param>
/// <param name="TimeLeft">Time until the caller's deadline; null when the caller gave none.</param>
/// <param name="BudgetHasRoom">Whether the origin's retry budget allows one more retry.</param>
/// <param name="OtherRetryLayer">Whether another retrying handler (Microsoft.Extensions.Http.Resilience) is in this client.</param>
/// <param name="Jitter">A random number in [0, 1) for the backoff.</param>
internal readonly record struct RetryInput(
    HttpMethod Method,
    int Status,
    bool HasIdempotencyKey,
    bool BodyRereadable,
    TimeSpan? RetryAfter,
    int Retries,
    TimeSpan? TimeLeft,
    bool BudgetHasRoom,
    bool OtherRetryLayer,
    double Jitter);
