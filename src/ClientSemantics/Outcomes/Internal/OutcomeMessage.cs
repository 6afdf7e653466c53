using System.Globalization;
using System.Net;

namespace ClientSemantics.Outcomes;

/// <summary>
/// The sentence of an outcome: status, method and host+path, then what the client can do. Never a query string or a
/// credential: the URI is printed as authority and path only.
/// </summary>
internal static class OutcomeMessage
{
    private const int MaxServerText = 200;

    public static string Describe(StatusOutcome outcome)
    {
        var code = (int)outcome.StatusCode;
        var parts = new List<string>
        {
            $"{code.ToString(CultureInfo.InvariantCulture)} {Phrase(outcome)}: {outcome.Method} to {HostAndPath(outcome.RequestUri)}",
        };

        if (code == 405)
        {
            parts.Add(outcome.AllowedMethods.Count > 0 ? $"the server allows {string.Join(", ", outcome.AllowedMethods)}" : "the server sent no Allow list");
        }

        if (outcome.RetryAfter is TimeSpan wait)
        {
            parts.Add($"retry after {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s");
        }

        if (outcome.Challenges.Count > 0)
        {
            parts.Add($"the {(code == 407 ? "proxy" : "server")} accepts {string.Join(" or ", outcome.Challenges)}");
        }

        if (outcome.Location is { } location)
        {
            parts.Add($"redirect to {HostAndPath(location)} not followed{(outcome.RedirectNotFollowedReason is { } why ? ": " + Trim(why) : string.Empty)}");
        }

        if (outcome.CompleteLength is long length)
        {
            parts.Add(outcome.IsAlreadyComplete
                ? $"the local copy is already complete ({length.ToString(CultureInfo.InvariantCulture)} bytes)"
                : $"the representation is {length.ToString(CultureInfo.InvariantCulture)} bytes long");
        }

        if (outcome.Problem is { } problem && (problem.Title ?? problem.Detail) is not null)
        {
            parts.Add("the server says: " + Trim(string.Join(": ", new[] { problem.Title, problem.Detail }.Where(s => !string.IsNullOrWhiteSpace(s)))));
        }

        return string.Join("; ", parts);
    }

    private static string Phrase(StatusOutcome outcome) =>
        !string.IsNullOrWhiteSpace(outcome.ReasonPhrase) ? Trim(outcome.ReasonPhrase)
        : Enum.IsDefined(outcome.StatusCode) ? outcome.StatusCode.ToString() : "Status";

    private static string HostAndPath(Uri? uri) =>
        uri is null ? "(unknown)" : uri.IsAbsoluteUri ? uri.Authority + uri.AbsolutePath : uri.OriginalString.Split('?', '#')[0];

    /// <summary>Server text is bounded and kept on one line.</summary>
    private static string Trim(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= MaxServerText ? line : line[..MaxServerText] + "...";
    }
}
