namespace ClientSemantics;

/// <summary>One challenge from a <c>WWW-Authenticate</c> or <c>Proxy-Authenticate</c> field (RFC 9110 11.3, 11.6.1, 11.7.1).</summary>
public sealed class AuthenticationChallenge
{
    internal AuthenticationChallenge(string scheme, string? token68, IReadOnlyDictionary<string, string> parameters)
    {
        Scheme = scheme;
        Token68 = token68;
        Parameters = parameters;
    }

    /// <summary>The auth-scheme as the server wrote it (compare it case-insensitively: RFC 9110 11.1).</summary>
    public string Scheme { get; }

    /// <summary>The token68 form of the challenge's data, when it used that form instead of parameters.</summary>
    public string? Token68 { get; }

    /// <summary>The auth-params, names matched case-insensitively, quoted-string values unescaped.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The <c>realm</c> parameter, which names the protection space (RFC 9110 11.5).</summary>
    public string? Realm => Parameters.TryGetValue("realm", out var realm) ? realm : null;

    /// <inheritdoc />
    public override string ToString() =>
        Token68 is not null
            ? $"{Scheme} {Token68}"
            : Parameters.Count == 0 ? Scheme : $"{Scheme} {string.Join(", ", Parameters.Select(p => $"{p.Key}=\"{p.Value}\""))}";
}
