namespace ClientSemantics.Authentication;

/// <summary>What the request already carried from us when this response came back.</summary>
internal enum PriorAttempt
{
    None,
    Preemptive,
    Answered,
}

/// <summary>Everything the decision depends on; the handler gathers it, the decider reads it.</summary>
internal readonly record struct AuthenticationFacts(
    int Status,
    bool CallerSetHeader,
    PriorAttempt Prior,
    bool Rereadable,
    ChallengeSelection Selection,
    bool StaleRetryUsed,
    bool TokenRefreshUsed);

internal readonly record struct AuthenticationDecision(bool Answer, string Decision, string Reason)
{
    public static AuthenticationDecision Return(string reason) => new(false, "return", reason);

    public static AuthenticationDecision AnswerWith(string reason) => new(true, "answer", reason);
}

/// <summary>Whether to answer a 401/407 with credentials or return it to the caller (RFC 9110 11.6, 15.5.2, 15.5.8). Pure.</summary>
internal static class AuthenticationDecider
{
    public static AuthenticationDecision Decide(in AuthenticationFacts f)
    {
        if (f.Status == 403)
        {
            return AuthenticationDecision.Return("403: the credentials were understood and refused (RFC 9110 15.5.4); never retried");
        }

        if (f.Status is not (401 or 407))
        {
            return AuthenticationDecision.Return("not a challenge");
        }

        var field = f.Status == 407 ? "Proxy-Authorization" : "Authorization";
        if (f.CallerSetHeader)
        {
            return AuthenticationDecision.Return($"the caller set {field}: it is respected, never overwritten or answered for");
        }

        var s = f.Selection;
        if (s.Kind == AuthSchemeKind.None)
        {
            return AuthenticationDecision.Return(s.Reason);
        }

        string why;
        if (f.Prior == PriorAttempt.Answered)
        {
            if (s.Kind == AuthSchemeKind.Digest && s.Stale && !f.StaleRetryUsed)
            {
                why = $"{s.Reason}: stale nonce, answered with the new one (RFC 7616 3.3); not a failure";
            }
            else if (s.Kind == AuthSchemeKind.Bearer && s.InvalidToken && !f.TokenRefreshUsed)
            {
                why = $"{s.Reason}: invalid_token, the token source is asked once more (RFC 6750 3.1)";
            }
            else
            {
                return AuthenticationDecision.Return($"{s.Reason}: the request already carried our credentials; one answer per challenge");
            }
        }
        else if (f.Prior == PriorAttempt.Preemptive)
        {
            why = $"{s.Reason}: the credentials sent up front were refused; falling back to the challenge";
        }
        else
        {
            why = s.Reason;
        }

        return f.Rereadable
            ? AuthenticationDecision.AnswerWith(why)
            : AuthenticationDecision.Return($"{s.Reason}: the request body cannot be re-read, so it is not re-sent");
    }
}
