using ClientSemantics.Http;
using ClientSemantics.RetryAfter;

namespace ClientSemantics;

/// <summary>Reads the wait a server asked for from a response the pipeline returned.</summary>
public static class RetryAfterResponseExtensions
{
    /// <summary>
    /// The wait the server asked for with <c>Retry-After</c> (RFC 9110 10.2.3), measured from when the response
    /// arrived: the value the backoff stage read when it returned this response (for instance because the wait was
    /// longer than <see cref="RetryAfterOptions.MaxDelay"/>), else the header parsed now. A past date gives zero;
    /// no header or an unreadable one gives <see langword="null"/>.
    /// </summary>
    public static TimeSpan? GetRetryAfter(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.RequestMessage is { } request
            && request.Options.TryGetValue(RetryAfterRecord.Key, out var record)
            && ReferenceEquals(record.Response, response))
        {
            return record.Delay;
        }

        // Outside the pipeline there is no injected clock; the system clock only matters for an HTTP-date
        // without a Date header to measure it from.
        return RetryAfterHeader.TryGetDelay(response, TimeProvider.System.GetUtcNow(), out var delay) ? delay : null;
    }
}
