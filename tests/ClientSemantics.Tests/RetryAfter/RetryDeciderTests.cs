using ClientSemantics.RetryAfter;

namespace ClientSemantics.Tests.RetryAfter;

public sealed class RetryDeciderTests
{
    // Columns: method, status, retryAfter s (-1 none), retries made, time left s (-1 none), expected word, expected delay s (-1 none), reason fragment.
    // Jitter is 0, so a backoff step n is BaseDelay * 2^n / 2 (0.5 s, 1 s, 2 s ...).
    [Theory]
    [InlineData("GET", 503, 5, 0, -1, "retry", 5, "Retry-After")]
    [InlineData("GET", 429, 0, 0, -1, "retry", 0, "Retry-After")]
    [InlineData("GET", 503, -1, 0, -1, "retry", 0.5, "backoff")]
    [InlineData("GET", 429, -1, 2, -1, "retry", 2, "backoff")]
    [InlineData("GET", 503, 31, 0, -1, "give-up", 31, "MaxDelay")]
    [InlineData("GET", 429, 3600, 0, -1, "give-up", 3600, "MaxDelay")]
    [InlineData("GET", 503, 10, 0, 5, "give-up", 10, "deadline")]
    [InlineData("GET", 503, -1, 0, 0.2, "give-up", 0.5, "deadline")]
    [InlineData("GET", 503, 10, 0, 10, "retry", 10, "Retry-After")]
    [InlineData("GET", 503, 3, 3, -1, "give-up", 3, "3 retries")]
    [InlineData("GET", 502, -1, 0, -1, "retry", 0.5, "backoff")]
    [InlineData("GET", 502, 5, 0, -1, "retry", 0.5, "backoff")]
    [InlineData("GET", 504, -1, 1, -1, "retry", 1, "backoff")]
    [InlineData("GET", 408, -1, 0, -1, "retry", 0, "once")]
    [InlineData("GET", 408, -1, 1, -1, "give-up", -1, "1 retry")]
    [InlineData("PUT", 413, 5, 0, -1, "retry", 5, "Retry-After")]
    [InlineData("PUT", 413, -1, 0, -1, "give-up", -1, "413 without Retry-After")]
    [InlineData("GET", 500, -1, 0, -1, "give-up", -1, "not transient")]
    [InlineData("GET", 501, 5, 0, -1, "give-up", -1, "not transient")]
    [InlineData("GET", 505, -1, 0, -1, "give-up", -1, "never retries")]
    [InlineData("POST", 503, 1, 0, -1, "give-up", 1, "not idempotent")]
    [InlineData("PATCH", 502, -1, 0, -1, "give-up", -1, "not idempotent")]
    [InlineData("HEAD", 503, 1, 0, -1, "retry", 1, "Retry-After")]
    [InlineData("OPTIONS", 503, 1, 0, -1, "retry", 1, "Retry-After")]
    [InlineData("TRACE", 503, 1, 0, -1, "retry", 1, "Retry-After")]
    [InlineData("PUT", 503, 1, 0, -1, "retry", 1, "Retry-After")]
    [InlineData("DELETE", 503, 1, 0, -1, "retry", 1, "Retry-After")]
    [InlineData("GET", 200, 5, 0, -1, "pass", -1, "")]
    [InlineData("GET", 404, -1, 0, -1, "pass", -1, "")]
    [InlineData("GET", 301, 5, 0, -1, "pass", -1, "")]
    public void Decide_Table(string method, int status, double retryAfter, int retries, double timeLeft, string word, double delay, string reason)
    {
        var decision = RetryDecider.Decide(Input(method, status, retryAfter, retries, timeLeft), new RetryAfterOptions());

        Assert.Equal(word, decision.Word);
        Assert.Equal(delay < 0 ? null : TimeSpan.FromSeconds(delay), decision.Delay);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, false, false, "retry")]   // Idempotency-Key makes a POST safe to repeat
    [InlineData(false, true, false, false, "retry")]   // the options allow it
    [InlineData(true, false, true, false, "give-up")]  // but never with a body that cannot be re-read
    [InlineData(true, false, false, true, "give-up")]  // the budget is spent
    public void Decide_Post503(bool idempotencyKey, bool retryNonIdempotent, bool streamBody, bool budgetSpent, string word)
    {
        var input = Input("POST", 503, 1, 0, -1) with
        {
            HasIdempotencyKey = idempotencyKey,
            BodyRereadable = !streamBody,
            BudgetHasRoom = !budgetSpent,
        };

        var decision = RetryDecider.Decide(input, new RetryAfterOptions { RetryNonIdempotent = retryNonIdempotent });

        Assert.Equal(word, decision.Word);
    }

    [Fact]
    public void Decide_BudgetSpent_GivesUpAndSaysSo()
    {
        var decision = RetryDecider.Decide(Input("GET", 503, 1, 0, -1) with { BudgetHasRoom = false }, new RetryAfterOptions());
        Assert.Equal(RetryVerdict.GiveUp, decision.Verdict);
        Assert.Contains("budget", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WithAnotherRetryLayer_GivesUp()
    {
        var decision = RetryDecider.Decide(Input("GET", 503, -1, 0, -1) with { OtherRetryLayer = true }, new RetryAfterOptions());
        Assert.Equal(RetryVerdict.GiveUp, decision.Verdict);
        Assert.Contains("one retry layer", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 0.5, 750)]
    [InlineData(3, 0.0, 4000)]
    [InlineData(10, 0.5, 30000)] // capped by MaxDelay
    [InlineData(60, 0.5, 30000)] // no overflow
    public void Backoff_Exponential_WithEqualJitter_CappedAtMaxDelay(int retry, double jitter, int expectedMs)
    {
        var delay = Backoff.Exponential(TimeSpan.FromSeconds(1), retry, jitter, TimeSpan.FromSeconds(30));
        Assert.Equal(expectedMs, delay.TotalMilliseconds, 0);
    }

    internal static RetryInput Input(string method, int status, double retryAfter, int retries, double timeLeft) => new(
        new HttpMethod(method),
        status,
        HasIdempotencyKey: false,
        BodyRereadable: true,
        RetryAfter: retryAfter < 0 ? null : TimeSpan.FromSeconds(retryAfter),
        Retries: retries,
        TimeLeft: timeLeft < 0 ? null : TimeSpan.FromSeconds(timeLeft),
        BudgetHasRoom: true,
        OtherRetryLayer: false,
        Jitter: 0);
}
