using System.Globalization;

namespace ClientSemantics.Http;

/// <summary>Retry-After (RFC 9110 10.2.3): delta-seconds or an HTTP-date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// The wait the server asked for, measured from when the response was received. A date is taken relative
    /// to the response's own Date when it has one, so a skewed local clock does not stretch or shrink the wait;
    /// a date in the past means "now". Garbage, several conflicting values or no header: false.
    /// </summary>
    public static bool TryGetDelay(HttpResponseMessage response, DateTimeOffset now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (!response.Headers.NonValidated.TryGetValues("Retry-After", out var values) || values.Count != 1)
        {
            return false;
        }

        var raw = values.First().Trim();
        if (raw.Length > 0 && raw.All(char.IsAsciiDigit))
        {
            // delta-seconds may exceed any sane wait; clamp rather than overflow.
            delay = long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < (long)TimeSpan.MaxValue.TotalSeconds / 2
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.MaxValue;
            return true;
        }

        if (!HttpDate.TryParse(raw, out var date))
        {
            return false;
        }

        var reference = response.Headers.NonValidated.TryGetValues("Date", out var dates) && HttpDate.TryParse(dates.FirstOrDefault(), out var served)
            ? served
            : now;
        delay = date > reference ? date - reference : TimeSpan.Zero;
        return true;
    }
}
