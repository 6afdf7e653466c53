using System.Net;

namespace ClientSemantics;

/// <summary>
/// Thrown instead of sending a request when its origin is paused by an earlier 503 or 429 with <c>Retry-After</c>
/// and the pause ends later than this call may wait (<see cref="RetryAfterOptions.MaxDelay"/> or the request's deadline).
/// No request was sent. It is an <see cref="HttpRequestException"/> with status 503, so existing handlers of
/// failed requests catch it.
/// </summary>
public sealed class RetryAfterPauseException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="origin">The paused origin (scheme, host and port).</param>
    /// <param name="resumeAt">When the origin may be asked again.</param>
    /// <param name="retryAfter">How long from now that is.</param>
    public RetryAfterPauseException(string origin, DateTimeOffset resumeAt, TimeSpan retryAfter)
        : base(
            $"Requests to {origin} are paused by Retry-After until {resumeAt:O} ({retryAfter.TotalSeconds:0.###} s from now), longer than this call may wait; no request was sent.",
            null,
            HttpStatusCode.ServiceUnavailable)
    {
        Origin = origin;
        ResumeAt = resumeAt;
        RetryAfter = retryAfter;
    }

    /// <summary>The paused origin (scheme, host and port).</summary>
    public string Origin { get; }

    /// <summary>When requests to <see cref="Origin"/> may resume.</summary>
    public DateTimeOffset ResumeAt { get; }

    /// <summary>How long the call would have had to wait, measured when it was refused.</summary>
    public TimeSpan RetryAfter { get; }
}
