namespace ClientSemantics.Authentication;

/// <summary>A Digest nonce we answered with and its nonce count, shared by every request preempting into its space.</summary>
internal sealed class DigestSession(DigestChallenge challenge)
{
    private int _nonceCount;

    public DigestChallenge Challenge { get; } = challenge;

    /// <summary>RFC 7616 3.4: nc counts the requests sent with this nonce, so each send takes the next value.</summary>
    public uint NextNonceCount() => (uint)Interlocked.Increment(ref _nonceCount);
}

/// <summary>Where credentials succeeded: an origin (or a proxy), a path prefix and a realm, and the scheme that worked.</summary>
internal sealed record ProtectionSpace(string Origin, string PathPrefix, string? Realm, AuthSchemeKind Kind, DigestSession? Digest);

/// <summary>
/// The protection spaces of one client (RFC 9110 11.5). A request whose origin matches and whose path lies under a
/// space's prefix sends credentials up front (RFC 7617 2.2: the prefix is the path up to its last '/', as browsers do).
/// </summary>
internal sealed class ProtectionSpaces
{
    private readonly Dictionary<string, ProtectionSpace[]> _byOrigin = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Scheme, host and port (default port omitted, as RFC 6454 serializes an origin). Never the URI's user
    /// information: GetLeftPart(Authority) would keep it, and this string reaches trace reasons and token sources.
    /// </summary>
    public static string OriginOf(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped).ToLowerInvariant();

    public static string PrefixOf(Uri uri)
    {
        var path = uri.AbsolutePath;
        return path[..(path.LastIndexOf('/') + 1)];
    }

    /// <summary>True while no credentials have succeeded anywhere: nothing is ever sent up front.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _byOrigin.Count == 0;
            }
        }
    }

    /// <summary>The space with the longest prefix that covers <paramref name="path"/> at <paramref name="origin"/>, if any.</summary>
    public ProtectionSpace? Find(string origin, string path)
    {
        lock (_lock)
        {
            if (!_byOrigin.TryGetValue(origin, out var spaces))
            {
                return null;
            }

            ProtectionSpace? best = null;
            foreach (var space in spaces)
            {
                if (path.StartsWith(space.PathPrefix, StringComparison.Ordinal) && (best is null || space.PathPrefix.Length > best.PathPrefix.Length))
                {
                    best = space;
                }
            }

            return best;
        }
    }

    /// <summary>Adds a space, replacing one with the same origin and prefix (a newer nonce or another scheme).</summary>
    public void Remember(ProtectionSpace space)
    {
        lock (_lock)
        {
            var current = _byOrigin.TryGetValue(space.Origin, out var spaces) ? spaces : [];
            _byOrigin[space.Origin] = [.. current.Where(s => s.PathPrefix != space.PathPrefix), space];
        }
    }

    /// <summary>Drops a space whose credentials stopped working, so that later requests wait for a challenge again.</summary>
    public void Forget(ProtectionSpace space)
    {
        lock (_lock)
        {
            if (_byOrigin.TryGetValue(space.Origin, out var spaces))
            {
                _byOrigin[space.Origin] = [.. spaces.Where(s => !ReferenceEquals(s, space))];
            }
        }
    }
}
