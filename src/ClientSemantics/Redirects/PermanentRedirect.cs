namespace ClientSemantics;

/// <summary>Identifies a remembered redirect by its source URI: absolute, without fragment (it never reaches the server) and without user information (a credential must not land in a store).</summary>
public sealed class PermanentRedirectKey
{
    /// <summary>Creates the key for <paramref name="source"/>.</summary>
    public PermanentRedirectKey(Uri source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.IsAbsoluteUri)
        {
            throw new ArgumentException("A permanent redirect's source must be an absolute URI.", nameof(source));
        }

        Source = new Uri(source.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped));
    }

    /// <summary>The source URI: scheme, host, port, path and query.</summary>
    public Uri Source { get; }

    /// <summary>The source as a string, for stores that key by text.</summary>
    public override string ToString() => Source.AbsoluteUri;
}

/// <summary>A permanent redirect the client remembers: requests for the source in <see cref="Key"/> go to <see cref="Target"/> until <see cref="ExpiresAt"/>.</summary>
public sealed class PermanentRedirect
{
    /// <summary>Creates a remembered redirect.</summary>
    public PermanentRedirect(PermanentRedirectKey key, Uri target, int statusCode, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(target);
        Key = key;
        Target = target;
        StatusCode = statusCode;
        ExpiresAt = expiresAt;
    }

    /// <summary>The source's key.</summary>
    public PermanentRedirectKey Key { get; }

    /// <summary>The URI the source moved to.</summary>
    public Uri Target { get; }

    /// <summary>301 or 308: a 308 applies to every method, a 301 only where the method would be kept.</summary>
    public int StatusCode { get; }

    /// <summary>When the redirect stops being used, from <c>Cache-Control: max-age</c> or the configured lifetime.</summary>
    public DateTimeOffset ExpiresAt { get; }
}
