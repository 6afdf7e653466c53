namespace ClientSemantics.Recovery;

/// <summary>
/// Decides whether a response has a client move in RFC 9110 that changes how the request is framed, and whether it is
/// safe to make it: at most once per kind, and only with a body that can be sent again. Pure: no I/O, no clock.
/// </summary>
internal static class RecoveryDecider
{
    /// <summary>Content codings the handler can undo (RFC 9110 8.4.1).</summary>
    internal static readonly string[] DecodableCodings = ["gzip", "x-gzip", "deflate", "br"];

    public static RecoveryDecision Decide(in RecoveryRequestFacts request, in RecoveryResponseFacts response, RecoveryOptions options) =>
        response.StatusCode switch
        {
            411 => LengthRequired(request, options),
            415 => UnsupportedCoding(request, response, options),
            416 => RangeNotSatisfiable(request, response),
            417 => ExpectationFailed(request),
            505 => VersionNotSupported(request),
            _ => RecoveryDecision.Pass,
        };

    // RFC 9110 10.1.1: "A client that receives a 417 (Expectation Failed) status code in response to a request
    // containing a 100-continue expectation SHOULD repeat that request without a 100-continue expectation".
    private static RecoveryDecision ExpectationFailed(in RecoveryRequestFacts request) =>
        !request.ExpectsContinue ? RecoveryDecision.Return("417 to a request without Expect: 100-continue: no expectation to drop.")
        : Guard(request, RecoveryKind.WithoutExpectContinue)
          ?? RecoveryDecision.RepeatWith(RecoveryKind.WithoutExpectContinue, "417 to Expect: 100-continue: repeated once without the expectation (RFC 9110 10.1.1).");

    // RFC 9110 15.5.12: "The client MAY repeat the request if it adds a valid Content-Length header field".
    private static RecoveryDecision LengthRequired(in RecoveryRequestFacts request, RecoveryOptions options) =>
        !request.IsChunked ? RecoveryDecision.Return("411 to a request that was not chunked: it already had a length, or no body.")
        : Guard(request, RecoveryKind.WithContentLength)
          ?? (request.BodyLength is not long length ? RecoveryDecision.Return("411: the body's length cannot be measured without consuming it.")
          : length > options.MaxBufferedBodyBytes ? RecoveryDecision.Return($"411: the body is {length} bytes, above Recovery.MaxBufferedBodyBytes ({options.MaxBufferedBodyBytes}).")
          : RecoveryDecision.RepeatWith(RecoveryKind.WithContentLength, $"411 to a chunked request: repeated once with Content-Length: {length} (RFC 9110 15.5.12)."));

    // RFC 9110 15.5.16 and 12.5.3: a 415 with Accept-Encoding says the content coding was the problem, and which
    // codings would have been accepted. We only ever undo our coding; we never pick another one for the server.
    private static RecoveryDecision UnsupportedCoding(in RecoveryRequestFacts request, in RecoveryResponseFacts response, RecoveryOptions options)
    {
        if (request.ContentCodings.Count == 0)
        {
            return RecoveryDecision.Return("415 to a body without a content coding: the media type is the problem, which only the caller can change.");
        }

        if (response.AcceptEncoding is not { } accepted)
        {
            return RecoveryDecision.Return("415 without Accept-Encoding: the server did not say that the content coding was the problem.");
        }

        var codings = string.Join(", ", request.ContentCodings);
        if (request.ContentCodings.All(c => AcceptEncodingList.Accepts(accepted, c)))
        {
            return RecoveryDecision.Return($"415: the server accepts the {codings} coding, so the media type is the problem.");
        }

        if (!request.ContentCodings.All(c => DecodableCodings.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            return RecoveryDecision.Return($"415: the body's {codings} coding cannot be undone by the client.");
        }

        if (!AcceptEncodingList.Accepts(accepted, "identity"))
        {
            return RecoveryDecision.Return("415: the server's Accept-Encoding excludes identity, so an uncoded body would fail too.");
        }

        return Guard(request, RecoveryKind.WithoutContentCoding)
            ?? (options.MaxBufferedBodyBytes == 0 ? RecoveryDecision.Return("415: Recovery.MaxBufferedBodyBytes is 0, so bodies are not decoded.")
            : RecoveryDecision.RepeatWith(RecoveryKind.WithoutContentCoding, $"415 with Accept-Encoding: {accepted}: repeated once without the {codings} coding (RFC 9110 15.5.16)."));
    }

    // RFC 9110 15.6.6: the server does not support the major version used in the request; HTTP/1.1 is the floor every
    // origin speaks, so one repeat over HTTP/1.1 is the client's move.
    private static RecoveryDecision VersionNotSupported(in RecoveryRequestFacts request) =>
        request.Version.Major < 2 ? RecoveryDecision.Return($"505 to HTTP/{request.Version.ToString(2)}: there is no lower version to try.")
        : Guard(request, RecoveryKind.OverHttp11)
          ?? RecoveryDecision.RepeatWith(RecoveryKind.OverHttp11, $"505 to HTTP/{request.Version.ToString(2)}: repeated once over HTTP/1.1 (RFC 9110 15.6.6).");

    // RFC 9110 15.5.17: a 416 to a byte range carries "Content-Range: bytes */complete-length".
    private static RecoveryDecision RangeNotSatisfiable(in RecoveryRequestFacts request, in RecoveryResponseFacts response) =>
        response.CompleteLength is not long length ? RecoveryDecision.Return("416 without Content-Range: bytes */length: the complete length is unknown.")
        : RangeFacts.IsAlreadyComplete(request.RangeStart, length) ? RecoveryDecision.Return($"416 to a resumed download: the local copy is already complete ({length} bytes).")
        : RecoveryDecision.Return($"416: the representation is {length} bytes long, and the requested range lies outside it.");

    /// <summary>The checks every repeat shares: once per kind, and only with a body that can be sent again.</summary>
    private static RecoveryDecision? Guard(in RecoveryRequestFacts request, RecoveryKind kind) =>
        (request.AlreadyRepeated & kind) != 0 ? RecoveryDecision.Return("already repeated once for this status; returned as is.")
        : !request.BodyIsRereadable ? RecoveryDecision.Return("the body cannot be re-read, so the request cannot be repeated.")
        : null;
}
