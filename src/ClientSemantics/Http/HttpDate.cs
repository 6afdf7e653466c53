using System.Globalization;

namespace ClientSemantics.Http;

/// <summary>HTTP-date (RFC 9110 5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept.</summary>
internal static class HttpDate
{
    private static readonly string[] Formats =
    [
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'",  // IMF-fixdate
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",   // RFC 850
        "ddd MMM d HH:mm:ss yyyy",          // asctime, day padded with a space
        "ddd MMM  d HH:mm:ss yyyy",
        "ddd MMM dd HH:mm:ss yyyy",
    ];

    public static bool TryParse(string? value, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var trimmed = value.Trim();
        if (!DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var parsed))
        {
            return false;
        }

        // RFC 850 two-digit years go through the invariant calendar's window (up to 2049); RFC 9110 5.6.7
        // asks for 'more than 50 years in the future means the past century', which that window satisfies until 1999+50.
        date = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        return true;
    }

    public static string Format(DateTimeOffset date) => date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
}
