using System.Net.Http.Headers;
using ClientSemantics.Http;

namespace ClientSemantics.Caching;

/// <summary>The precondition header the cache adds to a write, or none (<see cref="Name"/> null), with the reason.</summary>
internal readonly record struct PreconditionDecision(string? Name, string? Value, string Reason);

/// <summary>
/// Which precondition a conditional write carries (RFC 9110 13.1.1, 13.1.4), as a pure function of the method, the
/// caller's headers and the stored response: no I/O, no clock, so it is tested as a table.
/// </summary>
internal static class PreconditionDecider
{
    // RFC 9110 13.2.2 evaluates If-Match before If-Unmodified-Since, and If-None-Match: * guards a create: adding any
    // of ours beside one the caller chose would change what the caller asked for.
    private static readonly string[] CallerPreconditions = ["If-Match", "If-Unmodified-Since", "If-None-Match"];

    /// <summary>The writes that replace or remove the resource a stored response represents.</summary>
    public static bool AppliesTo(HttpMethod method) =>
        method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;

    public static PreconditionDecision Decide(HttpMethod method, HttpHeaders callerHeaders, CacheEntryFacts? entry)
    {
        if (!AppliesTo(method))
        {
            return None($"A {method.Method} is not a write that replaces the stored representation.");
        }

        foreach (var name in CallerPreconditions)
        {
            if (callerHeaders.NonValidated.Contains(name))
            {
                return None($"The caller set {name}: it is kept as it is and nothing is added.");
            }
        }

        if (entry is null)
        {
            return None("No stored response matches this request: there is no validator to send.");
        }

        // A stored 404 or 410 carries no state of the resource that a write could be checked against.
        if (entry.StatusCode is < 200 or >= 300)
        {
            return None("The stored response is not a representation of the resource.");
        }

        if (IsStrong(entry.ETag))
        {
            return new("If-Match", entry.ETag, $"The stored response has the strong ETag {entry.ETag}: If-Match carries it, so a lost update is answered 412.");
        }

        // RFC 9110 13.1.1: If-Match compares strongly, so a weak ETag could never match; Last-Modified is the fallback.
        if (entry.LastModified is not null && HttpDate.TryParse(entry.LastModified, out _))
        {
            var why = entry.ETag is null ? "The stored response has a Last-Modified and no ETag" : "The stored ETag is weak (If-Match compares strongly)";
            return new("If-Unmodified-Since", entry.LastModified, why + ": If-Unmodified-Since carries the stored Last-Modified, so a lost update is answered 412.");
        }

        return None(entry.ETag is null
            ? "The stored response has no validator: no precondition can be added."
            : "The stored ETag is weak and there is no Last-Modified: no precondition can be added.");
    }

    /// <summary>RFC 9110 8.8.3: a strong entity-tag is one quoted opaque-tag, without the W/ prefix.</summary>
    internal static bool IsStrong(string? etag) =>
        etag is { Length: >= 2 } && etag[0] == '"' && etag.IndexOf('"', 1) == etag.Length - 1;

    private static PreconditionDecision None(string reason) => new(null, null, reason);
}
