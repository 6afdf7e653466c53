using System.Net.Http.Headers;

namespace ClientSemantics.Redirects;

/// <summary>Whether a remembered redirect may be used for a request.</summary>
internal enum RememberedUse
{
    Use,
    Expired,
    NotApplicable,
}

/// <summary>
/// Pure rules of the permanent-redirect memory: how long a 301/308 is remembered (RFC 9111 4.2.1 freshness from
/// the 3xx's own Cache-Control), and which requests a remembered one applies to. No clock: "now" is an argument.
/// </summary>
internal static class PermanentRedirectPolicy
{
    /// <summary>Until when to remember <paramref name="source"/> -> <paramref name="target"/>, or null and why not.</summary>
    public static DateTimeOffset? RememberUntil(
        int statusCode,
        Uri source,
        Uri target,
        CacheControlHeaderValue? cacheControl,
        TimeSpan? age,
        DateTimeOffset now,
        RedirectOptions options,
        out string reason)
    {
        if (statusCode is not (301 or 308) || options.PermanentRedirectCapacity == 0)
        {
            reason = "not remembered: not a permanent redirect, or the memory is off.";
            return null;
        }

        if (RedirectUris.IsDowngrade(source, target))
        {
            reason = "not remembered: an https to http downgrade is never remembered.";
            return null;
        }

        // RFC 9111 5.2.2.5 no-store: do not keep it; 5.2.2.4 no-cache: it may not be used without asking, which is what not remembering does.
        if (cacheControl is { NoStore: true } or { NoCache: true })
        {
            reason = "not remembered: the redirect says Cache-Control no-store or no-cache.";
            return null;
        }

        // RFC 9111 4.2.1 max-age sets the freshness lifetime; 4.2.3 the time it already spent in caches counts against it.
        var lifetime = cacheControl?.MaxAge is TimeSpan maxAge ? maxAge - (age ?? TimeSpan.Zero) : options.PermanentRedirectLifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            reason = "not remembered: its lifetime is zero.";
            return null;
        }

        reason = cacheControl?.MaxAge is not null
            ? $"remembered for {lifetime.TotalSeconds:0} s (Cache-Control max-age)."
            : $"remembered for {lifetime.TotalSeconds:0} s (Redirects.PermanentRedirectLifetime).";
        return now + lifetime;
    }

    /// <summary>RFC 9110 15.4.9: a 308 applies to every method; a 301 only where following it would keep the method.</summary>
    public static RememberedUse CanUse(PermanentRedirect entry, HttpMethod method, DateTimeOffset now, RedirectOptions options)
    {
        if (entry.ExpiresAt <= now)
        {
            return RememberedUse.Expired;
        }

        if (RedirectUris.IsDowngrade(entry.Key.Source, entry.Target) && !options.AllowHttpsToHttp)
        {
            return RememberedUse.NotApplicable;
        }

        if (entry.StatusCode == 308)
        {
            return RememberedUse.Use;
        }

        var keepsMethod = method == HttpMethod.Get || method == HttpMethod.Head
            || (method == HttpMethod.Post && RedirectDecider.NewMethod(301, method, options) == method);
        return entry.StatusCode == 301 && keepsMethod ? RememberedUse.Use : RememberedUse.NotApplicable;
    }

    /// <summary>A remembered target that answers 404 or 410 has moved on: the source is asked again.</summary>
    public static bool IsBroken(int statusCode) => statusCode is 404 or 410;
}
