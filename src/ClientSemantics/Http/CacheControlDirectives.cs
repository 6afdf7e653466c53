using System.Globalization;
using System.Net.Http.Headers;

namespace ClientSemantics.Http;

/// <summary>
/// Cache-Control (RFC 9111 5.2) beyond what <see cref="CacheControlHeaderValue"/> names: the extension directives
/// <c>immutable</c> (RFC 8246), <c>stale-while-revalidate</c> and <c>stale-if-error</c> (RFC 5861).
/// </summary>
internal static class CacheControlDirectives
{
    /// <summary>Parses one or more Cache-Control field lines; null when absent or unparsable.</summary>
    public static CacheControlHeaderValue? Parse(string? joinedValue) =>
        joinedValue is not null && CacheControlHeaderValue.TryParse(joinedValue, out var parsed) ? parsed : null;

    public static bool Has(CacheControlHeaderValue? cacheControl, string directive)
    {
        if (cacheControl is null)
        {
            return false;
        }

        foreach (var extension in cacheControl.Extensions)
        {
            if (string.Equals(extension.Name, directive, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A delta-seconds extension such as <c>stale-if-error=60</c>; null when absent or malformed.</summary>
    public static TimeSpan? Seconds(CacheControlHeaderValue? cacheControl, string directive)
    {
        if (cacheControl is null)
        {
            return null;
        }

        foreach (var extension in cacheControl.Extensions)
        {
            if (string.Equals(extension.Name, directive, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(extension.Value?.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                // RFC 9111 1.2.2: a delta-seconds too large to represent means "a very long time".
                return TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue));
            }
        }

        return null;
    }
}
