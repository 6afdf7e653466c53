namespace ClientSemantics.Recovery;

/// <summary>What the decider needs to know about the request as it was sent.</summary>
internal readonly record struct RecoveryRequestFacts(
    Version Version,
    bool ExpectsContinue,
    bool IsChunked,
    long? BodyLength,
    bool BodyIsRereadable,
    IReadOnlyList<string> ContentCodings,
    long? RangeStart,
    RecoveryKind AlreadyRepeated);

/// <summary>What the decider needs to know about the response.</summary>
internal readonly record struct RecoveryResponseFacts(int StatusCode, string? AcceptEncoding, long? CompleteLength);

/// <summary>Reads the facts from messages; the only part of the decision that touches HttpRequestMessage.</summary>
internal static class RecoveryFacts
{
    /// <param name="request">The request as it was sent.</param>
    /// <param name="alreadyRepeated">The repeats this call already made.</param>
    /// <param name="measureBody">
    /// Whether to measure the body (for a 411 only): reading Content-Length computes and stores the header, which must
    /// not happen to a chunked request that is repeated for another reason.
    /// </param>
    public static RecoveryRequestFacts OfRequest(HttpRequestMessage request, RecoveryKind alreadyRepeated, bool measureBody)
    {
        var content = request.Content;
        var rereadable = Http.RequestBody.IsRereadable(content);
        return new RecoveryRequestFacts(
            request.Version,
            request.Headers.ExpectContinue == true,
            request.Headers.TransferEncodingChunked == true,
            // Only a re-readable body is measured: computing the length of a stream body could consume it.
            content is null ? 0 : rereadable && measureBody ? content.Headers.ContentLength : null,
            rereadable,
            content?.Headers.ContentEncoding.ToArray() ?? [],
            RangeFacts.ResumeFrom(request),
            alreadyRepeated);
    }

    public static RecoveryResponseFacts OfResponse(HttpResponseMessage response) =>
        new(
            (int)response.StatusCode,
            // Accept-Encoding is a request field to HttpHeaders' typed model, so on a response it is only found untyped.
            response.Headers.NonValidated.TryGetValues("Accept-Encoding", out var values) ? string.Join(", ", values) : null,
            RangeFacts.CompleteLength(response));
}
