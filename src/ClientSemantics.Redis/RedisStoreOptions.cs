namespace ClientSemantics;

/// <summary>
/// Which of a client's stores live in Redis, and how the Redis stores behave. Every store left off stays the
/// in-memory default of ClientSemantics.
/// </summary>
public sealed class RedisStoreOptions
{
    /// <summary>The first part of every Redis key, per application; the client name follows it.</summary>
    /// <value><c>"client-semantics"</c>.</value>
    public string KeyPrefix { get; set; } = "client-semantics";

    /// <summary>Whether the response cache lives in Redis.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Cache { get; set; } = true;

    /// <summary>Whether the permanent-redirect (301, 308) memory lives in Redis.</summary>
    /// <value><see langword="true"/>.</value>
    public bool PermanentRedirects { get; set; } = true;

    /// <summary>Whether the per-origin Retry-After pause lives in Redis.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Pause { get; set; } = true;

    /// <summary>How long a cached response stays in Redis after it goes stale, so that it can still be revalidated with a 304.</summary>
    /// <value>1 day.</value>
    public TimeSpan StaleRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The longest an instance serves its in-process copy of a Redis entry without asking Redis again. Copies are
    /// also dropped at once when another instance announces a change of the same key (pub/sub).
    /// </summary>
    /// <value>2 seconds.</value>
    public TimeSpan LocalTtl { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most body bytes the in-process layer in front of the Redis cache keeps.</summary>
    /// <value>16 MiB.</value>
    public long LocalMaxBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>How long one Redis call may take before the store gives up on it and answers from local state.</summary>
    /// <value>250 milliseconds.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many Redis failures in a row open the circuit breaker.</summary>
    /// <value>3.</value>
    public int FailuresBeforeBreak { get; set; } = 3;

    /// <summary>How long the open circuit breaker skips Redis before it tries again.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The size of the pieces a cached body is stored in, so that no write or read needs one buffer for a whole large body.</summary>
    /// <value>128 KiB.</value>
    public int BodyChunkBytes { get; set; } = 128 * 1024;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(KeyPrefix))
        {
            throw new ArgumentException("RedisStoreOptions.KeyPrefix must not be empty.");
        }

        if (StaleRetention < TimeSpan.Zero || LocalTtl < TimeSpan.Zero || LocalMaxBytes < 0
            || OperationTimeout <= TimeSpan.Zero || FailuresBeforeBreak < 1 || BreakDuration < TimeSpan.Zero
            || BodyChunkBytes is < 4096 or > 16 * 1024 * 1024)
        {
            throw new ArgumentException("RedisStoreOptions: durations and sizes must not be negative, OperationTimeout must be positive, FailuresBeforeBreak at least 1 and BodyChunkBytes between 4 KiB and 16 MiB.");
        }
    }
}
