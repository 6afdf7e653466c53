namespace ClientSemantics.Authentication;

/// <summary>
/// One side of the authentication of a request: the origin (401, Authorization) or the proxy (407,
/// Proxy-Authorization), with what we have sent to it so far during this call.
/// </summary>
internal sealed class AuthenticationSide(bool proxy, Uri target)
{
    public bool Proxy { get; } = proxy;

    /// <summary>The origin's request URI, or the proxy's URI: what credentials are looked up with.</summary>
    public Uri Target { get; } = target;

    public string Key { get; } = (proxy ? "proxy " : string.Empty) + ProtectionSpaces.OriginOf(target);

    public string HeaderName => Proxy ? "Proxy-Authorization" : "Authorization";

    public PriorAttempt Prior { get; set; }

    /// <summary>The space whose credentials were sent up front, when <see cref="Prior"/> is Preemptive.</summary>
    public ProtectionSpace? Preempted { get; set; }

    /// <summary>The challenge we answered, when <see cref="Prior"/> is Answered.</summary>
    public ChallengeSelection? Answered { get; set; }

    public DigestSession? Session { get; set; }

    /// <summary>The Bearer token we sent (never logged), so that a rejection asks for a different one.</summary>
    public string? Token { get; set; }

    public string? Realm { get; set; }

    public bool StaleRetryUsed { get; set; }

    public bool TokenRefreshUsed { get; set; }

    /// <summary>Where a success is remembered: the path up to its last '/' at an origin; the whole proxy.</summary>
    public string PathPrefix => Proxy ? "/" : ProtectionSpaces.PrefixOf(Target);

    public string PathForLookup => Proxy ? "/" : Target.AbsolutePath;

    /// <summary>RFC 7616 3.4: the request-target as sent; a proxy sees the absolute form.</summary>
    public string DigestUri(Uri requestUri) => Proxy ? requestUri.AbsoluteUri : requestUri.PathAndQuery;
}
