using System.Net;

namespace ClientSemantics.Authentication;

/// <summary>
/// Gives the primary handler's proxy our proxy credentials and tells the handler which proxy the primary uses.
/// Never sets the primary's own <c>Credentials</c>: 401s are answered by <see cref="AuthenticationHandler"/>, which
/// keeps them to their origin. Matches handlers by type, never casts.
/// </summary>
internal static class ProxyConfigurator
{
    public static void Configure(HttpMessageHandler primary, AuthenticationOptions options, AuthenticationState state)
    {
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                state.Proxy = sockets.UseProxy ? sockets.Proxy ?? HttpClient.DefaultProxy : null;
                if (Give(sockets.UseProxy, sockets.Proxy, options.ProxyCredentials))
                {
                    sockets.DefaultProxyCredentials ??= options.ProxyCredentials; // the system proxy
                }

                break;
            case HttpClientHandler client:
                state.Proxy = client.UseProxy ? client.Proxy ?? HttpClient.DefaultProxy : null;
                if (Give(client.UseProxy, client.Proxy, options.ProxyCredentials))
                {
                    client.DefaultProxyCredentials ??= options.ProxyCredentials;
                }

                break;
            case DelegatingHandler { InnerHandler: { } inner }:
                Configure(inner, options, state);
                break;
        }
    }

    /// <summary>Sets a WebProxy's credentials; true when the handler uses the system proxy, whose credentials are the handler's.</summary>
    private static bool Give(bool useProxy, IWebProxy? proxy, ICredentials? credentials)
    {
        if (!useProxy || credentials is null)
        {
            return false;
        }

        if (proxy is WebProxy web)
        {
            web.Credentials ??= credentials; // credentials the user gave the proxy itself win
        }

        // Another IWebProxy keeps its own credentials: we cannot know what setting them would mean to it.
        return proxy is null;
    }
}
