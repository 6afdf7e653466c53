namespace ClientSemantics;

/// <summary>Per-call redirect settings, carried in <see cref="HttpRequestMessage.Options"/>.</summary>
public static class RedirectRequestExtensions
{
    internal static readonly HttpRequestOptionsKey<int> MaxRedirectsKey = new("ClientSemantics.Redirects.MaxRedirects");

    /// <summary>Returns every 3xx of this call to the caller as it is: nothing is followed and no remembered redirect is applied.</summary>
    /// <returns>The same request, for chaining.</returns>
    public static HttpRequestMessage DisableRedirects(this HttpRequestMessage request) => request.WithMaxRedirects(0);

    /// <summary>
    /// Caps the redirects followed by this call. The cap can only lower the client's
    /// <see cref="RedirectOptions.MaxRedirects"/>, never raise it; 0 turns following off for this call.
    /// </summary>
    /// <returns>The same request, for chaining.</returns>
    public static HttpRequestMessage WithMaxRedirects(this HttpRequestMessage request, int maxRedirects)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRedirects);
        request.Options.Set(MaxRedirectsKey, maxRedirects);
        return request;
    }

    /// <summary>The limit for this call: the client's, lowered by the request's own cap when it has one.</summary>
    internal static int EffectiveMaxRedirects(HttpRequestMessage request, int clientLimit) =>
        request.Options.TryGetValue(MaxRedirectsKey, out var cap) ? Math.Min(cap, clientLimit) : clientLimit;
}
