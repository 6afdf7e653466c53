namespace ClientSemantics.Http;

/// <summary>Whether a request body may be sent again by a redirect, a retry or a challenge answer.</summary>
internal static class RequestBody
{
    /// <summary>
    /// True when the content can be serialized a second time: no content, or content that holds its bytes in memory.
    /// A <see cref="StreamContent"/> may sit on a stream that is already consumed: re-sending it would throw
    /// "already read" from deep inside the handler, so it counts as not re-readable.
    /// </summary>
    public static bool IsRereadable(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent => true, // StringContent, FormUrlEncodedContent, JsonContent from bytes
        ReadOnlyMemoryContent => true,
        MultipartContent multipart => multipart.All(IsRereadable),
        _ => false,
    };
}
