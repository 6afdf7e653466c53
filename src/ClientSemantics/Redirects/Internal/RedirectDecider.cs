namespace ClientSemantics.Redirects;

/// <summary>
/// The rules of RFC 9110 15.4 for one 3xx, with no I/O, no clock and no logging: whether to follow, with which
/// method, body and credentials. Hop limits and loops are the chain's business (<see cref="RedirectChain"/>).
/// </summary>
internal static class RedirectDecider
{
    public static RedirectDecision Decide(in RedirectInput input, RedirectOptions options)
    {
        switch (input.StatusCode)
        {
            case 301 or 302 or 303 or 307 or 308:
                break;
            case 300 when input.Location is null:
                // RFC 9110 15.4.1: without a preferred choice, choosing among the representations is the caller's job.
                return RedirectDecision.Stop("300 without a Location: the choice among the representations is the caller's.");
            case 300 when !options.Follow300:
                return RedirectDecision.Stop("300 with a Location, but Redirects.Follow300 is off.");
            case 300:
                break;
            case 305:
                // RFC 9110 15.4.6: deprecated for security reasons; a response must not choose our proxy.
                return RedirectDecision.Stop("305 Use Proxy is never followed (RFC 9110 15.4.6).");
            case 306:
                return RedirectDecision.Stop("306 is unused (RFC 9110 15.4.7): nothing to follow.");
            default:
                return RedirectDecision.None;
        }

        if (input.Location is null)
        {
            return RedirectDecision.Stop($"{input.StatusCode} without a single Location header: nothing to follow.");
        }

        // RFC 9110 10.2.2 and RFC 3986 5: Location may be relative to the URI of the request it answers.
        if (!Uri.TryCreate(input.CurrentUri, input.Location, out var target) || !target.IsAbsoluteUri)
        {
            return RedirectDecision.Stop($"{input.StatusCode} with a malformed Location: nothing to follow.");
        }

        if (!RedirectUris.IsHttp(target))
        {
            return RedirectDecision.Stop($"{input.StatusCode} to a '{target.Scheme}' URI: only http and https are followed.");
        }

        if (RedirectUris.IsDowngrade(input.CurrentUri, target) && !options.AllowHttpsToHttp)
        {
            return RedirectDecision.Stop($"{input.StatusCode} from https to http refused: it would expose the request on the wire (Redirects.AllowHttpsToHttp).");
        }

        var method = NewMethod(input.StatusCode, input.Method, options);
        // A redirect that turns the request into a GET (or keeps a HEAD on 303) sends no body and no Content-* headers.
        var dropBody = input.StatusCode == 303 || method != input.Method;
        if (!dropBody && input.HasBody && !input.BodyRereadable)
        {
            return RedirectDecision.Stop($"{input.StatusCode} keeps the method and body, but the body cannot be read a second time.");
        }

        return new RedirectDecision(
            RedirectAction.Follow,
            Reason(input, method, dropBody),
            target,
            method,
            dropBody,
            // RFC 9110 15.4: credentials belong to an origin and must not follow a redirect to another.
            StripCredentials: !RedirectUris.IsSameOrigin(input.CurrentUri, target),
            Permanent: input.StatusCode is 301 or 308);
    }

    /// <summary>The method of the next hop (RFC 9110 15.4.2-15.4.4, 15.4.8, 15.4.9).</summary>
    public static HttpMethod NewMethod(int statusCode, HttpMethod method, RedirectOptions options) => statusCode switch
    {
        // 303 asks for a GET of another resource; HEAD stays HEAD.
        303 => method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get,
        // Historically user agents turn a POST into a GET on 301 and 302 (and dotnet/runtime on 300); others keep theirs.
        300 or 301 or 302 when method == HttpMethod.Post && !options.KeepPostOn301And302 => HttpMethod.Get,
        // 307 and 308 (and everything else) keep the method and the body.
        _ => method,
    };

    private static string Reason(in RedirectInput input, HttpMethod method, bool dropBody)
    {
        var kind = input.StatusCode switch
        {
            300 => "multiple choices: the server's preferred choice (Location) is",
            301 or 308 => "permanent redirect",
            303 => "see other: the answer is elsewhere,",
            _ => "temporary redirect",
        };
        var change = method != input.Method ? $", {input.Method} becomes {method}" : string.Empty;
        var body = dropBody && input.HasBody ? ", body dropped" : string.Empty;
        return input.StatusCode == 300 ? $"300 {kind} followed{change}{body}." : $"{input.StatusCode} {kind}{change}{body}.";
    }
}
