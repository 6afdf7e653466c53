using ClientSemantics.Diagnostics;
using ClientSemantics.Http;
using ClientSemantics.Recovery;

namespace ClientSemantics.Outcomes;

/// <summary>Builds a <see cref="StatusOutcome"/> from a response's status, headers and trace, reusing the shared parsers.</summary>
internal static class StatusOutcomeReader
{
    public static StatusOutcome Read(HttpResponseMessage response, DateTimeOffset now, HttpProblemDetails? problem)
    {
        var request = response.RequestMessage;
        var status = (int)response.StatusCode;
        var requestUri = TraceUri.WithoutUserInfo(request?.RequestUri);
        var completeLength = RangeFacts.CompleteLength(response);
        var location = status is >= 300 and <= 399 ? ResolveLocation(response, requestUri) : null;
        return new StatusOutcome(response.StatusCode, response.ReasonPhrase, request?.Method.Method ?? "(unknown)", requestUri)
        {
            // RFC 9110 15.5.6: a 405 must carry Allow, listing the target's methods.
            AllowedMethods = status == 405 ? AllowedMethods(response) : [],
            // RFC 9110 10.2.3 (and RFC 6585 4 for 429): the wait the server asks for.
            RetryAfter = status is 413 or 429 or 503 && RetryAfterHeader.TryGetDelay(response, now, out var delay) ? delay : null,
            Challenges = status is 401 or 407 ? ChallengeParser.FromResponse(response, proxy: status == 407) : [],
            Problem = status >= 400 ? problem : null,
            Location = location,
            RedirectNotFollowedReason = location is null ? null : LastRedirectReason(response),
            CompleteLength = completeLength,
            IsAlreadyComplete = RangeFacts.IsAlreadyComplete(RangeFacts.ResumeFrom(request), completeLength),
        };
    }

    private static string[] AllowedMethods(HttpResponseMessage response) =>
        response.Content is { } content && content.Headers.NonValidated.TryGetValues("Allow", out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.Ordinal)
                .ToArray()
            : [];

    private static Uri? ResolveLocation(HttpResponseMessage response, Uri? requestUri)
    {
        if (!response.Headers.NonValidated.TryGetValues("Location", out var values) || values.Count != 1)
        {
            return null;
        }

        var raw = values.First().Trim();
        if (!Uri.TryCreate(raw, UriKind.RelativeOrAbsolute, out var location))
        {
            return null;
        }

        if (!location.IsAbsoluteUri && requestUri is { IsAbsoluteUri: true })
        {
            location = Uri.TryCreate(requestUri, location, out var absolute) ? absolute : location;
        }

        return TraceUri.WithoutUserInfo(location);
    }

    private static string? LastRedirectReason(HttpResponseMessage response) =>
        response.GetStatusSemanticsTrace()?.Entries.LastOrDefault(e => e.Stage == StatusSemanticsStage.Redirect)?.Reason;
}
