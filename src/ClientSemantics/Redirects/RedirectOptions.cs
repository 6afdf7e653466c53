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

    internal void AddValidationFailures(ICollection<string> failures)
    {
    }
}
