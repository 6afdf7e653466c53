namespace ClientSemantics.Authentication;

/// <summary>The hash behind a Digest challenge (RFC 7616 3.7); the -sess forms mix the nonces into A1.</summary>
internal enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}

/// <summary>The parameters of a Digest challenge that an answer needs (RFC 7616 3.3).</summary>
internal sealed record DigestChallenge(string Realm, string Nonce, string? Opaque, DigestAlgorithm Algorithm, bool QopAuth, bool UserHash, bool Stale)
{
    public string AlgorithmName => Algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        _ => "SHA-256-sess",
    };

    public bool IsSha256 => Algorithm is DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess;

    /// <summary>Reads a Digest challenge; false with a reason when we cannot answer it (never throws).</summary>
    public static bool TryParse(AuthenticationChallenge challenge, out DigestChallenge? digest, out string reason)
    {
        digest = null;
        var p = challenge.Parameters;
        if (!p.TryGetValue("nonce", out var nonce) || nonce.Length == 0)
        {
            reason = "Digest challenge without a nonce";
            return false;
        }

        DigestAlgorithm? algorithm = (p.TryGetValue("algorithm", out var a) ? a : "MD5").ToUpperInvariant() switch
        {
            "MD5" => DigestAlgorithm.Md5,
            "MD5-SESS" => DigestAlgorithm.Md5Sess,
            "SHA-256" => DigestAlgorithm.Sha256,
            "SHA-256-SESS" => DigestAlgorithm.Sha256Sess,
            _ => null,
        };
        if (algorithm is null)
        {
            reason = $"Digest algorithm '{a}' is not supported (MD5, SHA-256 and their -sess forms are)";
            return false;
        }

        // RFC 7616 3.3: qop is a list; we answer "auth" (auth-int would need the body's hash). No qop: RFC 2069 form.
        var qopAuth = false;
        if (p.TryGetValue("qop", out var qop))
        {
            qopAuth = qop.Split(',').Any(q => string.Equals(q.Trim(), "auth", StringComparison.OrdinalIgnoreCase));
            if (!qopAuth)
            {
                reason = $"Digest qop '{qop}' is not supported (auth is)";
                return false;
            }
        }

        digest = new DigestChallenge(
            p.TryGetValue("realm", out var realm) ? realm : string.Empty,
            nonce,
            p.TryGetValue("opaque", out var opaque) ? opaque : null,
            algorithm.Value,
            qopAuth,
            IsTrue(p, "userhash"),
            IsTrue(p, "stale"));
        reason = string.Empty;
        return true;
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
