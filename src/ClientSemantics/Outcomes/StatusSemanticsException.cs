namespace ClientSemantics;

/// <summary>
/// Thrown by <see cref="StatusOutcomeResponseExtensions.EnsureStatusSemanticsSuccessAsync"/> for a response that is not
/// 2xx. <see cref="Outcome"/> says what the status means for the client; <see cref="HttpRequestException.StatusCode"/>
/// is set; the message names host and path only, never a query string or a credential.
/// </summary>
public sealed class StatusSemanticsException : HttpRequestException
{
    /// <summary>Creates the exception for <paramref name="outcome"/>, with its sentence as the message.</summary>
    public StatusSemanticsException(StatusOutcome outcome)
        : base((outcome ?? throw new ArgumentNullException(nameof(outcome))).ToString(), null, outcome.StatusCode) =>
        Outcome = outcome;

    /// <summary>What the status means for the client.</summary>
    public StatusOutcome Outcome { get; }
}
