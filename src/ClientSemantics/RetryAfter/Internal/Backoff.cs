namespace ClientSemantics.RetryAfter;

/// <summary>Backoff maths, apart from the code that waits (as Polly keeps RetryHelper apart from its strategy).</summary>
internal static class Backoff
{
    /// <summary>
    /// Exponential backoff with "equal jitter": step n waits between half and all of baseDelay * 2^n, never more
    /// than <paramref name="maxDelay"/>. Half is fixed so that a retry is never immediate; the other half is random
    /// so that clients failed by one outage do not come back in lockstep.
    /// </summary>
    /// <param name="baseDelay">The first step.</param>
    /// <param name="retry">0 for the first retry.</param>
    /// <param name="jitter">A number in [0, 1), from the caller's random source.</param>
    /// <param name="maxDelay">The cap on any one step.</param>
    public static TimeSpan Exponential(TimeSpan baseDelay, int retry, double jitter, TimeSpan maxDelay)
    {
        var full = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var ms = (full / 2) + (full / 2 * Math.Clamp(jitter, 0, 1));
        return ms >= maxDelay.TotalMilliseconds ? maxDelay : TimeSpan.FromMilliseconds(ms);
    }
}
