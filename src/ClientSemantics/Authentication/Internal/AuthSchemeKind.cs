namespace ClientSemantics.Authentication;

/// <summary>The schemes this handler answers.</summary>
internal enum AuthSchemeKind
{
    None,
    Basic,
    Digest,
    Bearer,
}

/// <summary>A challenge we can answer, with what answering it needs. <see cref="Kind"/> None means "return the response", and <see cref="Reason"/> says why.</summary>
internal sealed record ChallengeSelection(
    AuthSchemeKind Kind,
    AuthenticationChallenge? Challenge,
    System.Net.NetworkCredential? Credential,
    DigestChallenge? Digest,
    string Reason)
{
    public string SchemeName => NameOf(Kind);

    public string? Realm => Challenge?.Realm;

    /// <summary>RFC 7616 3.3: stale=true means only the nonce expired; the credentials were right.</summary>
    public bool Stale => Digest?.Stale == true;

    /// <summary>RFC 6750 3.1: the token expired or was revoked; a new one may work.</summary>
    public bool InvalidToken => Challenge is { } c && c.Parameters.TryGetValue("error", out var error)
        && string.Equals(error, "invalid_token", StringComparison.Ordinal);

    public static string NameOf(AuthSchemeKind kind) => kind switch
    {
        AuthSchemeKind.Basic => "Basic",
        AuthSchemeKind.Digest => "Digest",
        AuthSchemeKind.Bearer => "Bearer",
        _ => "none",
    };

    public static ChallengeSelection None(string reason) => new(AuthSchemeKind.None, null, null, null, reason);
}
