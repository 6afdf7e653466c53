namespace ClientSemantics;

/// <summary>
/// Options for the one-time repeats that change how a request is framed: 411, 415, 417 and 505
/// (RFC 9110 15.5.12, 15.5.16, 10.1.1, 15.6.6).
/// </summary>
public sealed class RecoveryOptions
{
    /// <summary>
    /// The largest body, in bytes, that the client measures for a 411 repeat or decodes for a 415 repeat.
    /// A larger body is not repeated: the 411 or 415 is returned to the caller.
    /// </summary>
    /// <value>1 MiB (1,048,576 bytes); 0 turns the 411 and 415 repeats off.</value>
    public long MaxBufferedBodyBytes { get; set; } = 1024 * 1024;

    internal void AddValidationFailures(ICollection<string> failures)
    {
        if (MaxBufferedBodyBytes < 0)
        {
            failures.Add($"Recovery.MaxBufferedBodyBytes must not be negative (was {MaxBufferedBodyBytes}).");
        }
    }
}
