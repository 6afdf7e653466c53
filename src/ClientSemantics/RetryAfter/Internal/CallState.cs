using Polly;

namespace ClientSemantics.RetryAfter;

/// <summary>One call through the backoff stage, carried in Polly's <see cref="ResilienceContext"/>.</summary>
internal sealed class CallState(HttpRequestMessage request, string origin, DateTimeOffset? deadline, bool otherRetryLayer)
{
    internal static readonly ResiliencePropertyKey<CallState> Key = new("ClientSemantics.RetryAfter.Call");

    public HttpRequestMessage Request { get; } = request;

    public string Origin { get; } = origin;

    public DateTimeOffset? Deadline { get; } = deadline;

    public bool OtherRetryLayer { get; } = otherRetryLayer;

    /// <summary>Attempts sent so far (the first one included).</summary>
    public int Attempts { get; set; }

    /// <summary>The decision about the last response, read by Polly's delay generator.</summary>
    public RetryDecision Decision { get; set; } = RetryDecision.Pass;

    public static CallState From(ResilienceContext context) =>
        context.Properties.TryGetValue(Key, out var state) ? state : throw new InvalidOperationException("The backoff stage ran without its call state.");
}
