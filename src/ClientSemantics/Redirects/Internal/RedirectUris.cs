namespace ClientSemantics.Redirects;

/// <summary>URI rules of redirects: origins, downgrades and fragments.</summary>
internal static class RedirectUris
{
    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>RFC 6454 origin: scheme, host and port. Credentials are bound to it.</summary>
    public static bool IsSameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    public static bool IsDowngrade(Uri from, Uri to) =>
        from.Scheme == Uri.UriSchemeHttps && to.Scheme == Uri.UriSchemeHttp;

    /// <summary>RFC 9110 10.2.2: a Location without a fragment inherits the fragment of the request it answers.</summary>
    public static Uri InheritFragment(Uri target, Uri current)
    {
        if (target.Fragment.Length > 0 || current.Fragment.Length == 0)
        {
            return target;
        }

        return new UriBuilder(target) { Fragment = current.Fragment.TrimStart('#') }.Uri;
    }

    /// <summary>The Location value to resolve, or null when there is none or several (which one would be meant is unknowable).</summary>
    public static string? ReadLocation(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Location", out var values) && values.Count == 1 ? values.First() : null;
}
