namespace ClientSemantics;

/// <summary>What a <see cref="IBearerTokenSource"/> is asked for: the origin, the server's challenge and whether the last token was refused.</summary>
public sealed class BearerTokenContext
{
    /// <summary>Creates a context; public so that a token source can be tested on its own.</summary>
    public BearerTokenContext(Uri origin, AuthenticationChallenge? challenge, bool previousTokenRejected)
    {
        Origin = origin;
        Challenge = challenge;
        PreviousTokenRejected = previousTokenRejected;
    }

    /// <summary>The origin (scheme, host and port) the token will be sent to, and only to.</summary>
    public Uri Origin { get; }

    /// <summary>The Bearer challenge the server sent, or <see langword="null"/> when a token is wanted before any challenge.</summary>
    public AuthenticationChallenge? Challenge { get; }

    /// <summary>The challenge's <c>realm</c>.</summary>
    public string? Realm => Challenge?.Realm;

    /// <summary>The challenge's <c>scope</c> (RFC 6750 3).</summary>
    public string? Scope => Challenge is { } c && c.Parameters.TryGetValue("scope", out var scope) ? scope : null;

    /// <summary>The challenge's <c>error</c>, e.g. <c>invalid_token</c> (RFC 6750 3.1).</summary>
    public string? Error => Challenge is { } c && c.Parameters.TryGetValue("error", out var error) ? error : null;

    /// <summary>True when the server refused the token it was last given (<c>error="invalid_token"</c>): do not return it again.</summary>
    public bool PreviousTokenRejected { get; }
}
