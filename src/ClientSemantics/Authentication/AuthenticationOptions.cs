using System.Net;

namespace ClientSemantics;

/// <summary>Options for answering 401 and 407 challenges (RFC 9110 11).</summary>
public sealed class AuthenticationOptions
{
    /// <summary>Credentials for origins: a <see cref="NetworkCredential"/>, or a <see cref="CredentialCache"/> scoped by URI prefix and scheme.</summary>
    /// <value><see langword="null"/>: 401 challenges are returned to the caller.</value>
    public ICredentials? Credentials { get; set; }

    /// <summary>Credentials for the proxy, sent only to the proxy.</summary>
    /// <value><see langword="null"/>: 407 challenges are returned to the caller.</value>
    public ICredentials? ProxyCredentials { get; set; }

    internal void AddValidationFailures(ICollection<string> failures)
    {
    }
}
