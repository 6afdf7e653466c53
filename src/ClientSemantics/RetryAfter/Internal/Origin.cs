namespace ClientSemantics.RetryAfter;

internal static class Origin
{
    /// <summary>Scheme, host and port (RFC 9110 4.3.1): the unit a pause and a budget apply to. Never user information.</summary>
    public static string Of(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
            ? uri.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.UriEscaped).ToLowerInvariant()
            : "(relative)";
}

/// <summary>
/// <see cref="Origin.Of"/> for the origins a client talks to, without building the string on every call: the
/// scheme-and-authority prefix of the URI's cached AbsoluteUri finds the origin string made the first time.
/// Bounded, so that a client calling many hosts falls back to building it; a URI with user information always does.
/// </summary>
internal sealed class OriginKeys
{
    private const int Capacity = 1024;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);

    public string Of(Uri? uri)
    {
        if (uri is not { IsAbsoluteUri: true })
        {
            return Origin.Of(uri);
        }

        var absolute = uri.AbsoluteUri;
        var authorityStart = uri.Scheme.Length + 3; // "scheme://", as AbsoluteUri writes every http(s) URI
        var pathStart = authorityStart < absolute.Length ? absolute.IndexOf('/', authorityStart) : -1;
        var prefix = pathStart < 0 ? absolute.AsSpan() : absolute.AsSpan(0, pathStart);
        if (prefix.Contains('@'))
        {
            return Origin.Of(uri);
        }

        if (_known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prefix, out var origin))
        {
            return origin;
        }

        origin = Origin.Of(uri);
        if (_known.Count < Capacity)
        {
            _known.TryAdd(prefix.ToString(), origin);
        }

        return origin;
    }
}
