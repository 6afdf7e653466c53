using System.ComponentModel.DataAnnotations;

namespace ClientSemantics;

/// <summary>Options for backing off on 503, 429 and the other transient codes (RFC 9110 15.6.4, 10.2.3; RFC 6585).</summary>
public sealed class RetryAfterOptions
{
    /// <summary>The most retries of one call; 0 turns this stage off (no retries, no shared pause).</summary>
    /// <value>3.</value>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest single wait the client accepts; a server asking for more gets its response returned at once.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first backoff step when the server gives no Retry-After; each retry doubles it, with jitter, up to <see cref="MaxDelay"/>.</summary>
    /// <value>1 second.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether POST and PATCH are retried without an <c>Idempotency-Key</c> header. Off by default: a 502 or 504
    /// does not say whether the server acted on the request (RFC 9110 9.2.2).
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>Retries allowed, as a percentage of the first attempts sent to an origin in the last 10 seconds.</summary>
    /// <value>20.</value>
    [Range(0, 100)]
    public int RetryBudgetPercent { get; set; } = 20;

    /// <summary>Retries per second always allowed per origin, so that a client with little traffic can still retry.</summary>
    /// <value>3.</value>
    [Range(0, 1000)]
    public int RetryBudgetMinPerSecond { get; set; } = 3;

    /// <summary>
    /// Whether this stage stops retrying (keeping the shared pause) when the client also has a
    /// Microsoft.Extensions.Http.Resilience handler, such as <c>AddStandardResilienceHandler()</c>: two retry layers
    /// multiply attempts, (1 + 3) x (1 + 3) = 16 requests for one call.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool DeferToResilienceHandler { get; set; } = true;

    internal void AddValidationFailures(ICollection<string> failures)
    {
        if (MaxDelay < TimeSpan.Zero)
        {
            failures.Add($"RetryAfter.MaxDelay must not be negative (was {MaxDelay}).");
        }

        if (BaseDelay < TimeSpan.Zero)
        {
            failures.Add($"RetryAfter.BaseDelay must not be negative (was {BaseDelay}).");
        }
    }
}
