using System.ComponentModel.DataAnnotations;

namespace ClientSemantics;

/// <summary>Options for following redirects (RFC 9110 15.4).</summary>
public sealed class RedirectOptions
{
    /// <summary>The most redirects followed in one call; 0 turns following off.</summary>
    /// <value>20, as OkHttp, Chrome and Firefox allow about that many.</value>
    [Range(0, 100)]
    public int MaxRedirects { get; set; } = 20;

    /// <summary>Whether a redirect from https to http is followed.</summary>
    /// <value><see langword="false"/>: a downgrade would expose the request on the wire.</value>
    public bool AllowHttpsToHttp { get; set; }

    /// <summary>
    /// Set to <see langword="true"/> when the primary handler is neither <see cref="SocketsHttpHandler"/> nor
    /// <see cref="HttpClientHandler"/> and does not follow redirects itself (a test double, say).
    /// </summary>
    /// <value><see langword="false"/>: an unknown primary handler fails at start-up, since it might follow redirects behind our back.</value>
    public bool AllowUnknownPrimaryHandler { get; set; }

    /// <summary>Whether a 300 Multiple Choices that names a preferred choice in Location is followed (RFC 9110 15.4.1).</summary>
    /// <value><see langword="true"/>: the server's preferred choice is what a caller without a UI would pick. A 300 without Location is always returned.</value>
    public bool Follow300 { get; set; } = true;

    /// <summary>Whether a POST answered with 300, 301 or 302 is re-sent as a POST (with its body) instead of a GET.</summary>
    /// <value><see langword="false"/>: like browsers, curl and dotnet/runtime, the POST becomes a GET without a body (RFC 9110 15.4.2, 15.4.3 allow it).</value>
    public bool KeepPostOn301And302 { get; set; }

    /// <summary>How many permanent redirects (301, 308) the client remembers; the least recently used goes first. 0 turns the memory off.</summary>
    /// <value>1024.</value>
    [Range(0, 1_000_000)]
    public int PermanentRedirectCapacity { get; set; } = 1024;

    /// <summary>How long a permanent redirect is remembered when its response has no <c>Cache-Control: max-age</c>.</summary>
    /// <value>1 day: long enough to save the hop, short enough that a changed 301 heals without help.</value>
    public TimeSpan PermanentRedirectLifetime { get; set; } = TimeSpan.FromDays(1);

    internal void AddValidationFailures(ICollection<string> failures)
    {
        if (PermanentRedirectLifetime < TimeSpan.Zero)
        {
            failures.Add($"Redirects.PermanentRedirectLifetime must not be negative (was {PermanentRedirectLifetime}).");
        }
    }
}
