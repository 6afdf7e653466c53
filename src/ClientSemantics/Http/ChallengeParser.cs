namespace ClientSemantics.Http;

/// <summary>
/// Parses <c>WWW-Authenticate</c> / <c>Proxy-Authenticate</c> (RFC 9110 11.6.1, 11.7.1): several challenges in one field
/// and across fields, auth-params with quoted strings and escapes, or token68. A malformed challenge is skipped,
/// never thrown: a hostile server must not be able to break the pipeline with a header.
/// </summary>
internal static class ChallengeParser
{
    // Bounds against hostile input: far above what any real server sends.
    private const int MaxChallenges = 32;
    private const int MaxParameters = 64;
    private const int MaxFieldLength = 16 * 1024;

    public static IReadOnlyList<AuthenticationChallenge> FromResponse(HttpResponseMessage response, bool proxy)
    {
        var headers = response.Headers.NonValidated;
        return headers.TryGetValues(proxy ? "Proxy-Authenticate" : "WWW-Authenticate", out var values) ? Parse(values) : [];
    }

    public static IReadOnlyList<AuthenticationChallenge> Parse(IEnumerable<string> fieldValues)
    {
        var challenges = new List<AuthenticationChallenge>();
        foreach (var value in fieldValues)
        {
            if (value.Length <= MaxFieldLength)
            {
                ParseField(value, challenges);
            }
        }

        return challenges;
    }

    private static void ParseField(string s, List<AuthenticationChallenge> into)
    {
        var i = 0;
        while (i < s.Length && into.Count < MaxChallenges)
        {
            SkipListSeparators(s, ref i);
            var scheme = ReadToken(s, ref i);
            if (scheme.Length == 0)
            {
                SkipPast(s, ',', ref i); // not a challenge: resynchronise at the next list member
                continue;
            }

            SkipWhitespace(s, ref i);
            if (i < s.Length && s[i] == '=')
            {
                SkipPast(s, ',', ref i); // "name=value" where a scheme belongs: a stray parameter, not a challenge
                continue;
            }

            if (TryReadToken68(s, ref i, out var token68))
            {
                into.Add(new AuthenticationChallenge(scheme, token68, Empty));
                continue;
            }

            if (i < s.Length && s[i] != ',' && !LooksLikeParameter(s, i))
            {
                // "Newauth Basic realm=x": list members are separated by commas (RFC 9110 11.6.1), so this is not two
                // challenges; reading it as two would let a header smuggle in a scheme the server did not offer.
                SkipPast(s, ',', ref i);
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var malformed = false;
            while (i < s.Length && LooksLikeParameter(s, i))
            {
                if (!TryReadParameter(s, ref i, out var name, out var value) || parameters.Count >= MaxParameters)
                {
                    malformed = true;
                    break;
                }

                parameters.TryAdd(name.ToLowerInvariant(), value); // RFC 9110 11.2: names are case-insensitive and occur once; keep the first
                SkipWhitespace(s, ref i);
                if (i < s.Length && s[i] != ',')
                {
                    malformed = true;
                    break;
                }

                SkipListSeparators(s, ref i);
            }

            if (malformed)
            {
                SkipPast(s, ',', ref i);
                continue;
            }

            into.Add(new AuthenticationChallenge(scheme, null, parameters));
        }
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>token68 is the whole rest of this list member: 1*(ALPHA/DIGIT/-._~+/) *"=" then end or comma.</summary>
    private static bool TryReadToken68(string s, ref int i, out string token68)
    {
        var j = i;
        while (j < s.Length && IsToken68Char(s[j]))
        {
            j++;
        }

        var runEnd = j;
        while (j < s.Length && s[j] == '=')
        {
            j++;
        }

        var end = j;
        SkipWhitespace(s, ref j);
        if (runEnd > i && (j == s.Length || s[j] == ','))
        {
            token68 = s[i..end];
            i = j;
            return true;
        }

        token68 = string.Empty;
        return false;
    }

    private static bool LooksLikeParameter(string s, int i)
    {
        var j = i;
        if (ReadToken(s, ref j).Length == 0)
        {
            return false;
        }

        SkipWhitespace(s, ref j);
        return j < s.Length && s[j] == '=';
    }

    private static bool TryReadParameter(string s, ref int i, out string name, out string value)
    {
        value = string.Empty;
        name = ReadToken(s, ref i);
        SkipWhitespace(s, ref i);
        if (name.Length == 0 || i >= s.Length || s[i] != '=')
        {
            return false;
        }

        i++;
        SkipWhitespace(s, ref i);
        if (i < s.Length && s[i] == '"')
        {
            return TryReadQuoted(s, ref i, out value);
        }

        value = ReadToken(s, ref i);
        return value.Length > 0;
    }

    private static bool TryReadQuoted(string s, ref int i, out string value)
    {
        var builder = new System.Text.StringBuilder();
        for (var j = i + 1; j < s.Length; j++)
        {
            var c = s[j];
            if (c == '"')
            {
                i = j + 1;
                value = builder.ToString();
                return true;
            }

            if (c == '\\' && j + 1 < s.Length)
            {
                c = s[++j]; // quoted-pair
            }

            builder.Append(c);
        }

        value = string.Empty;
        return false; // unterminated quoted-string
    }

    private static string ReadToken(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && IsTokenChar(s[i]))
        {
            i++;
        }

        return s[start..i];
    }

    private static void SkipWhitespace(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }
    }

    private static void SkipListSeparators(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
        {
            i++;
        }
    }

    private static void SkipPast(string s, char c, ref int i)
    {
        var inQuotes = false;
        for (; i < s.Length; i++)
        {
            if (s[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (s[i] == '\\' && inQuotes)
            {
                i++;
            }
            else if (s[i] == c && !inQuotes)
            {
                i++;
                return;
            }
        }
    }

    // tchar, RFC 9110 5.6.2
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static bool IsToken68Char(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/';
}
