using System.Net;

namespace ClientSemantics;

/// <summary>
/// What a response's status means for the client, read without string parsing: the methods a 405 allows, the wait a
/// 503 asks for, the challenges of a 401, the problem details of an error, the Location of an unfollowed 3xx, the
/// complete length of a 416. Get one with <see cref="StatusOutcomeResponseExtensions.GetStatusOutcome"/> or, with
/// problem details, <see cref="StatusOutcomeResponseExtensions.GetStatusOutcomeAsync"/>.
/// </summary>
public sealed class StatusOutcome
{
    internal StatusOutcome(HttpStatusCode statusCode, string? reasonPhrase, string method, Uri? requestUri)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>The status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The reason phrase the server sent, if any.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The method of the request that produced the response (after any redirects).</summary>
    public string Method { get; }

    /// <summary>The URI of the request that produced the response, without user information.</summary>
    public Uri? RequestUri { get; }

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The methods the target supports, from the <c>Allow</c> of a 405 (RFC 9110 10.2.1, 15.5.6); empty otherwise.</summary>
    public IReadOnlyList<string> AllowedMethods { get; internal init; } = [];

    /// <summary>The wait a 413, 429 or 503 asks for in <c>Retry-After</c> (RFC 9110 10.2.3) and the pipeline did not take.</summary>
    public TimeSpan? RetryAfter { get; internal init; }

    /// <summary>The challenges of a 401 or 407 that was not answered (RFC 9110 11.6.1, 11.7.1); empty otherwise.</summary>
    public IReadOnlyList<AuthenticationChallenge> Challenges { get; internal init; } = [];

    /// <summary>The problem details of a 4xx or 5xx sent as <c>application/problem+json</c> (RFC 9457), when read asynchronously.</summary>
    public HttpProblemDetails? Problem { get; internal init; }

    /// <summary>The <c>Location</c> of a 3xx that was not followed, resolved against the request URI, without user information.</summary>
    public Uri? Location { get; internal init; }

    /// <summary>Why the pipeline did not follow the 3xx, from the trace, when it said.</summary>
    public string? RedirectNotFollowedReason { get; internal init; }

    /// <summary>The complete length of the representation, from a 416's <c>Content-Range: bytes */length</c> (RFC 9110 15.5.17).</summary>
    public long? CompleteLength { get; internal init; }

    /// <summary>
    /// True for a 416 to a resumed download (<c>Range: bytes=N-</c>) whose N equals the complete length: the local copy
    /// is already complete and nothing is left to download.
    /// </summary>
    public bool IsAlreadyComplete { get; internal init; }

    /// <summary>A sentence a person can act on, such as <c>405 Method Not Allowed: POST to example.test/orders; the server allows GET, HEAD</c>.</summary>
    public override string ToString() => Outcomes.OutcomeMessage.Describe(this);
}
