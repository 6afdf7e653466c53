namespace ClientSemantics;

/// <summary>
/// Where one client remembers its permanent redirects (301, 308), so that the next request for a moved URI goes
/// straight to its new home. One store per client name, registered as a keyed singleton
/// (<c>services.AddKeyedSingleton&lt;IPermanentRedirectStore&gt;("name", ...)</c> replaces the in-memory default).
/// It lives outside the handler, so it survives IHttpClientFactory's handler rotation.
/// The pipeline decides what to store and checks <see cref="PermanentRedirect.ExpiresAt"/> itself; a store only keeps entries.
/// </summary>
public interface IPermanentRedirectStore
{
    /// <summary>The remembered redirect for <paramref name="key"/>, or <see langword="null"/>.</summary>
    ValueTask<PermanentRedirect?> TryGetAsync(PermanentRedirectKey key, CancellationToken cancellationToken);

    /// <summary>Remembers <paramref name="redirect"/>, replacing any entry for the same source.</summary>
    ValueTask SetAsync(PermanentRedirect redirect, CancellationToken cancellationToken);

    /// <summary>Forgets the redirect for <paramref name="key"/>, if any.</summary>
    ValueTask RemoveAsync(PermanentRedirectKey key, CancellationToken cancellationToken);

    /// <summary>Forgets every remembered redirect.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken);
}
