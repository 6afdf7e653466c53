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
    /// <param name="measuredLength">The body's length, measured by the handler for a 411 only (see <see cref="MeasureAsync"/>).</param>
    public static RecoveryRequestFacts OfRequest(HttpRequestMessage request, RecoveryKind alreadyRepeated, long? measuredLength)
    {
        var content = request.Content;
        var rereadable = Http.RequestBody.IsRereadable(content);
        return new RecoveryRequestFacts(
            request.Version,
            request.Headers.ExpectContinue == true,
            request.Headers.TransferEncodingChunked == true,
            content is null ? 0 : measuredLength,
            rereadable,
            content?.Headers.ContentEncoding.ToArray() ?? [],
            RangeFacts.ResumeFrom(request),
            alreadyRepeated);
    }

    /// <summary>
    /// The length of a re-readable body, by serializing it. Content-Length cannot be trusted here: SocketsHttpHandler
    /// clears it on a chunked request. A re-readable body is already in memory, so this reads nothing from the network
    /// or a file; a stream body is never measured, since that would consume it.
    /// </summary>
    public static async Task<long?> MeasureAsync(HttpContent? content, CancellationToken cancellationToken) =>
        content is not null && Http.RequestBody.IsRereadable(content)
            ? (await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)).LongLength
            : null;

    public static RecoveryResponseFacts OfResponse(HttpResponseMessage response) =>
        new(
            (int)response.StatusCode,
            // Accept-Encoding is a request field to HttpHeaders' typed model, so on a response it is only found untyped.
            response.Headers.NonValidated.TryGetValues("Accept-Encoding", out var values) ? string.Join(", ", values) : null,
            RangeFacts.CompleteLength(response));
}
