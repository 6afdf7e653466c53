using Microsoft.Extensions.Options;

namespace ClientSemantics;

/// <summary>
/// Options of the ClientSemantics pipeline for one named <see cref="HttpClient"/>: one options object per obligation.
/// Bind it from configuration with <c>AddStatusSemantics(IConfigurationSection)</c> or set it in code.
/// </summary>
public sealed class StatusSemanticsOptions
{
    /// <summary>How 3xx responses are followed and which permanent redirects are remembered (RFC 9110 15.4).</summary>
    /// <value>Defaults as documented on <see cref="RedirectOptions"/>.</value>
    [ValidateObjectMembers]
    public RedirectOptions Redirects { get; set; } = new();

    /// <summary>The private response cache and its revalidation (RFC 9111).</summary>
    public CacheOptions Cache { get; set; } = new();

    /// <summary>Answers to 401 and 407 challenges (RFC 9110 11).</summary>
    public AuthenticationOptions Authentication { get; set; } = new();

    /// <summary>Backoff on 503, 429 and the other transient codes, honouring Retry-After (RFC 9110 10.2.3).</summary>
    [ValidateObjectMembers]
    public RetryAfterOptions RetryAfter { get; set; } = new();

    /// <summary>One-time repeats after 411, 415, 417 and 505 (RFC 9110 10.1.1, 15.5.12, 15.5.16, 15.6.6).</summary>
    public RecoveryOptions Recovery { get; set; } = new();
}
