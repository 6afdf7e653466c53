using System.Net;

namespace ClientSemantics.Authentication;

/// <summary>What the selector may use: credentials looked up for <see cref="Target"/> (the origin, or the proxy for a 407).</summary>
internal readonly record struct SelectorInput(Uri Target, ICredentials? Credentials, bool HasTokenSource, bool AllowBasicOverHttp, bool Proxy);

/// <summary>
/// Picks, among the offered challenges, the strongest one we hold credentials for: Bearer and Digest SHA-256 over
/// Digest MD5 over Basic (RFC 9110 11.6.1 lets the client choose; RFC 7616 3.7 asks for the strongest). Pure.
/// </summary>
internal static class ChallengeSelector
{
    public static ChallengeSelection Select(IReadOnlyList<AuthenticationChallenge> challenges, SelectorInput input)
    {
        if (challenges.Count == 0)
        {
            return ChallengeSelection.None("no challenge we could parse in the " + (input.Proxy ? "Proxy-Authenticate" : "WWW-Authenticate") + " field");
        }

        ChallengeSelection? best = null;
        var bestStrength = 0;
        var skipped = new List<string>();
        foreach (var challenge in challenges)
        {
            var candidate = Consider(challenge, input);
            var strength = Strength(candidate);
            if (candidate.Kind == AuthSchemeKind.None)
            {
                skipped.Add(candidate.Reason);
            }
            else if (strength > bestStrength)
            {
                best = candidate;
                bestStrength = strength;
            }
        }

        return best ?? ChallengeSelection.None(string.Join("; ", skipped));
    }

    private static int Strength(ChallengeSelection s) => s.Kind switch
    {
        AuthSchemeKind.Bearer => 3,
        AuthSchemeKind.Digest => s.Digest!.IsSha256 ? 3 : 2,
        AuthSchemeKind.Basic => 1,
        _ => 0,
    };

    private static ChallengeSelection Consider(AuthenticationChallenge challenge, SelectorInput input)
    {
        var scheme = challenge.Scheme;
        var realm = challenge.Realm is { } r ? $" (realm '{r}')" : string.Empty;
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (!ClearTextAllowed(input))
            {
                return ChallengeSelection.None($"Basic{realm} is not sent over plain http to a non-loopback host (AllowBasicOverHttp is off)");
            }

            return Credential(input, "Basic") is { } basic && BasicScheme.CanEncode(basic)
                ? new ChallengeSelection(AuthSchemeKind.Basic, challenge, basic, null, $"Basic{realm}")
                : ChallengeSelection.None($"no Basic credentials for {Scope(input)}{realm}");
        }

        if (scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            if (!DigestChallenge.TryParse(challenge, out var digest, out var why))
            {
                return ChallengeSelection.None(why);
            }

            return Credential(input, "Digest") is { } credential
                ? new ChallengeSelection(AuthSchemeKind.Digest, challenge, credential, digest, $"Digest {digest!.AlgorithmName}{realm}")
                : ChallengeSelection.None($"no Digest credentials for {Scope(input)}{realm}");
        }

        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            if (input.Proxy || !input.HasTokenSource)
            {
                return ChallengeSelection.None($"no Bearer token source for {Scope(input)}{realm}");
            }

            // RFC 6750 5.3: a token is as replayable as a password, so it follows Basic's clear-text rule.
            return ClearTextAllowed(input)
                ? new ChallengeSelection(AuthSchemeKind.Bearer, challenge, null, null, $"Bearer{realm}")
                : ChallengeSelection.None($"Bearer{realm} is not sent over plain http to a non-loopback host (AllowBasicOverHttp is off)");
        }

        return ChallengeSelection.None($"scheme '{scheme}' is not supported");
    }

    private static bool ClearTextAllowed(SelectorInput input) =>
        input.AllowBasicOverHttp || input.Target.IsLoopback || string.Equals(input.Target.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);

    // CredentialCache scopes by URI prefix and scheme; a NetworkCredential answers for any. An empty user name is
    // what CredentialCache.DefaultCredentials gives: not something Basic or Digest can send.
    internal static NetworkCredential? Credential(SelectorInput input, string scheme) =>
        input.Credentials?.GetCredential(input.Target, scheme) is { UserName.Length: > 0 } credential ? credential : null;

    private static string Scope(SelectorInput input) => (input.Proxy ? "proxy " : string.Empty) + ProtectionSpaces.OriginOf(input.Target);
}
