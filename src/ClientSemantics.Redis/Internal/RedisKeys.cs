using System.Security.Cryptography;
using System.Text;

namespace ClientSemantics.Redis;

/// <summary>
/// Key names: <c>{prefix}:{client}:{kind}{format version}:{SHA-256 of the natural key}</c>. URIs, origins and
/// variant keys are hashed, so no query string, credential hash input or header value lands in a key name, and a
/// format change gets new keys instead of misreading old ones.
/// </summary>
internal sealed class RedisKeys(string prefix, string clientName)
{
    public const string RedirectKind = "r1";
    public const string PauseKind = "p1";
    public const string CacheKind = "c1";
    public const string BodyKind = "b1";

    public string Root { get; } = $"{prefix}:{clientName}:";

    public string Channel => Root + "invalidate";

    public string Redirect(string source) => Root + RedirectKind + ":" + Hash(source);

    public string Pause(string origin) => Root + PauseKind + ":" + Hash(origin);

    public string Cache(string uri) => Root + CacheKind + ":" + Hash(uri);

    public string Body(string cacheKey, string variantField, string bodyHash) =>
        Root + BodyKind + ":" + Hash(cacheKey + "\n" + variantField) + ":" + bodyHash;

    public string Pattern(string kind) => Root + kind + ":*";

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
