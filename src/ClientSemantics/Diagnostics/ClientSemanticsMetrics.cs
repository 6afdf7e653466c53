using System.Diagnostics.Metrics;

namespace ClientSemantics.Diagnostics;

/// <summary>
/// The pipeline's instruments, from one <see cref="Meter"/> made by <see cref="IMeterFactory"/>. Every instrument
/// carries the client name in <c>client_semantics.client</c>; each obligation adds its own tags.
/// </summary>
internal sealed class ClientSemanticsMetrics
{
    public const string MeterName = "ClientSemantics";

    public ClientSemanticsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        Redirects = meter.CreateCounter<long>("client_semantics.redirects", description: "Redirect decisions, tagged by status and decision.");
        CacheRequests = meter.CreateCounter<long>("client_semantics.cache.requests", description: "Requests the cache looked at, tagged by result.");
        AuthenticationChallenges = meter.CreateCounter<long>("client_semantics.authentication.challenges", description: "401/407 challenges, tagged by scheme and decision.");
        RetryAttempts = meter.CreateCounter<long>("client_semantics.retry.attempts", description: "Retry decisions, tagged by status and decision.");
        RetryDelay = meter.CreateHistogram<double>("client_semantics.retry.delay", unit: "s", description: "Waits taken before a retry.");
        Recoveries = meter.CreateCounter<long>("client_semantics.recoveries", description: "One-time repeats for 411, 415, 417, 505, tagged by status.");
    }

    public Counter<long> Redirects { get; }

    public Counter<long> CacheRequests { get; }

    public Counter<long> AuthenticationChallenges { get; }

    public Counter<long> RetryAttempts { get; }

    public Histogram<double> RetryDelay { get; }

    public Counter<long> Recoveries { get; }

    public static KeyValuePair<string, object?> ClientTag(string clientName) => new("client_semantics.client", clientName);
}
