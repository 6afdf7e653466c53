using System.Globalization;

namespace ClientSemantics.Recovery;

/// <summary>The codings an Accept-Encoding field accepts (RFC 9110 12.5.3): members with a weight above zero.</summary>
internal static class AcceptEncodingList
{
    /// <summary>Whether <paramref name="coding"/> is acceptable: named, or covered by "*", with q &gt; 0.</summary>
    public static bool Accepts(string field, string coding)
    {
        bool? named = null, star = null;
        foreach (var member in field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = member.Split(';', StringSplitOptions.TrimEntries);
            var accepted = Weight(parts) > 0;
            if (string.Equals(parts[0], coding, StringComparison.OrdinalIgnoreCase))
            {
                named = accepted;
            }
            else if (parts[0] == "*")
            {
                star = accepted;
            }
        }

        // "identity" is acceptable unless excluded by name or by "*;q=0" (RFC 9110 12.5.3).
        return named ?? star ?? string.Equals(coding, "identity", StringComparison.OrdinalIgnoreCase);
    }

    private static double Weight(string[] parameters)
    {
        foreach (var parameter in parameters.AsSpan(1))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : 0;
            }
        }

        return 1;
    }
}
