using System.Net;

namespace ClientSemantics;

/// <summary>
/// Options for answering 401 and 407 challenges (RFC 9110 11) with Basic (RFC 7617), Digest (RFC 7616) and Bearer
/// (RFC 6750). The strongest offered scheme we hold credentials for is chosen; after a success in a protection space,
/// later requests to that space carry credentials up front.
/// </summary>
public sealed class AuthenticationOptions
{
    /// <summary>
    /// Credentials for origins: a <see cref="NetworkCredential"/> (offered to every origin that challenges), or a
    /// <see cref="CredentialCache"/> that scopes each credential to a URI prefix and a scheme ("Basic", "Digest").
    /// </summary>
    /// <value><see langword="null"/>: 401 Basic and Digest challenges are returned to the caller.</value>
    public ICredentials? Credentials { get; set; }

    /// <summary>
    /// Credentials for the proxy, looked up with the proxy's URI and sent only to the proxy. They are also given to the
    /// primary handler's <see cref="WebProxy"/>, because the 407 of an https tunnel (CONNECT) never reaches a handler.
    /// </summary>
    /// <value><see langword="null"/>: 407 challenges are returned to the caller.</value>
    public ICredentials? ProxyCredentials { get; set; }

    /// <summary>Where Bearer tokens come from (RFC 6750). One per client; asked once per origin and realm, again only when a token is rejected.</summary>
    /// <value><see langword="null"/>: Bearer challenges are returned to the caller.</value>
    public IBearerTokenSource? BearerTokenSource { get; set; }

    /// <summary>
    /// Whether Basic credentials may be sent over plain http to a host that is not a loopback address. Basic sends
    /// the password in clear text (RFC 7617 4), so by default it is sent only over https or to loopback.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool AllowBasicOverHttp { get; set; }

    internal void AddValidationFailures(ICollection<string> failures)
    {
    }
}
