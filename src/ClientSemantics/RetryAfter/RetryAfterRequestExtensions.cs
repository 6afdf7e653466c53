using ClientSemantics.RetryAfter;

namespace ClientSemantics;

/// <summary>
/// Tells the backoff stage how long the caller can wait. A handler cannot see <see cref="HttpClient.Timeout"/> or
/// when a cancellation token will fire, so without one of these only <see cref="RetryAfterOptions.MaxDelay"/> caps a wait.
/// </summary>
public static class RetryAfterRequestExtensions
{
    /// <summary>No wait (backoff or shared pause) may end after <paramref name="deadline"/>; a longer one returns the response at once.</summary>
    /// <returns>The same request, for chaining.</returns>
    public static HttpRequestMessage WithDeadline(this HttpRequestMessage request, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(RequestDeadline.DeadlineKey, deadline);
        return request;
    }

    /// <summary>The call may spend at most <paramref name="budget"/>, counted from when it enters the pipeline's backoff stage.</summary>
    /// <returns>The same request, for chaining.</returns>
    public static HttpRequestMessage WithTimeBudget(this HttpRequestMessage request, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, TimeSpan.Zero);
        request.Options.Set(RequestDeadline.BudgetKey, budget);
        return request;
    }
}
