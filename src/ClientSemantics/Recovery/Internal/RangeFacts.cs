using System.Globalization;

namespace ClientSemantics.Recovery;

/// <summary>Range and Content-Range facts (RFC 9110 14.2, 14.4), shared by the 416 decision and the caller's outcome.</summary>
internal static class RangeFacts
{
    /// <summary>N of a resumed download's <c>Range: bytes=N-</c>; null for any other range or none.</summary>
    public static long? ResumeFrom(HttpRequestMessage? request)
    {
        if (request?.Headers.Range is not { } range
            || !string.Equals(range.Unit, "bytes", StringComparison.OrdinalIgnoreCase)
            || range.Ranges.Count != 1)
        {
            return null;
        }

        var only = range.Ranges.First();
        return only is { From: long from, To: null } ? from : null;
    }

    /// <summary>The complete length of <c>Content-Range: bytes */length</c> on a 416 (RFC 9110 15.5.17); null otherwise.</summary>
    public static long? CompleteLength(HttpResponseMessage response)
    {
        if ((int)response.StatusCode != 416
            || response.Content is null
            || !response.Content.Headers.NonValidated.TryGetValues("Content-Range", out var values)
            || values.Count != 1)
        {
            return null;
        }

        var raw = values.First().Trim();
        const string Prefix = "bytes */";
        return raw.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && raw.Length > Prefix.Length
            && raw.AsSpan(Prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0
            && long.TryParse(raw.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : null;
    }

    /// <summary>A resumed download whose next byte would be past the end: the local copy is complete.</summary>
    public static bool IsAlreadyComplete(long? resumeFrom, long? completeLength) =>
        resumeFrom is long from && completeLength is long length && from == length;
}
