using ClientSemantics.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ClientSemantics.Authentication;

/// <summary>The handler's trace, log and metric: scheme, realm and reason only, never a credential, token or nonce.</summary>
internal sealed partial class AuthenticationHandler
{
    private void Decided(HttpRequestMessage request, int status, string scheme, AuthenticationDecision decision)
    {
        Record(request, status, decision.Decision, decision.Reason);
        metrics.AuthenticationChallenges.Add(
            1,
            ClientSemanticsMetrics.ClientTag(name),
            new("client_semantics.authentication.scheme", scheme),
            new("client_semantics.decision", decision.Decision),
            new("http.response.status_code", status));
        Log.AuthenticationDecided(logger, status, scheme, decision.Decision, decision.Reason, TraceUri.HostAndPath(request.RequestUri));
    }

    private static void Record(HttpRequestMessage request, int? status, string decision, string reason) =>
        TraceRecorder.Record(request, StatusSemanticsStage.Authentication, status, decision, reason);

    private static string RealmText(string? realm) => realm is null ? string.Empty : $" (realm '{realm}')";
}
