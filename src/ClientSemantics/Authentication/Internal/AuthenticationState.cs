using System.Net;

namespace ClientSemantics.Authentication;

/// <summary>
/// Per-client state, a keyed singleton, so it outlives the handler that IHttpClientFactory rebuilds every two minutes:
/// the protection spaces (with their Digest nonces and counts), the Bearer tokens, and the primary handler's proxy.
/// </summary>
internal sealed class AuthenticationState
{
    public ProtectionSpaces Spaces { get; } = new();

    public BearerTokens Tokens { get; } = new();

    /// <summary>The primary handler's proxy, captured when the handler is built; null when it uses none or is unknown.</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>
    /// The proxy a plain-http request goes through, or null. Only then does Proxy-Authorization reach the proxy: an
    /// https request is tunnelled, and a header on it would reach the origin instead.
    /// </summary>
    public Uri? ProxyFor(Uri target)
    {
        if (Proxy is not { } proxy || !string.Equals(target.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) || proxy.IsBypassed(target))
        {
            return null;
        }

        return proxy.GetProxy(target) is { } proxyUri && proxyUri != target ? proxyUri : null;
    }
}
