using System.ComponentModel.DataAnnotations;

namespace ClientSemantics;

/// <summary>Options for backing off on 503, 429 and the other transient codes (RFC 9110 15.6.4, 10.2.3; RFC 6585).</summary>
public sealed class RetryAfterOptions
{
    /// <summary>The most retries of one call; 0 turns retrying off.</summary>
    /// <value>3.</value>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest single wait the client accepts; a server asking for more gets its response returned at once.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal void AddValidationFailures(ICollection<string> failures)
    {
        if (MaxDelay < TimeSpan.Zero)
        {
            failures.Add($"RetryAfter.MaxDelay must not be negative (was {MaxDelay}).");
        }
    }
}
