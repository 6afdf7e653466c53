namespace ClientSemantics.Redis;

/// <summary>
/// Skips Redis for a while after failures in a row, so that a dead or slow Redis costs each request nothing rather
/// than a timeout. After the break one call is tried; one more failure opens it again at once.
/// Runs on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class CircuitBreaker(TimeProvider time, int failuresBeforeBreak, TimeSpan breakDuration)
{
    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;

    public bool AllowsCall()
    {
        lock (_lock)
        {
            return time.GetUtcNow() >= _openUntil;
        }
    }

    public void RecordSuccess()
    {
        lock (_lock)
        {
            _failures = 0;
        }
    }

    /// <summary>Counts a failure; true when this one opened the breaker.</summary>
    public bool RecordFailure()
    {
        lock (_lock)
        {
            if (++_failures < failuresBeforeBreak)
            {
                return false;
            }

            // Half-open afterwards: the first call after the break decides, one failure reopens.
            _failures = failuresBeforeBreak - 1;
            _openUntil = time.GetUtcNow() + breakDuration;
            return true;
        }
    }
}
