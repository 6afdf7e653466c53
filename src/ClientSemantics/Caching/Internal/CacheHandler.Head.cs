using ClientSemantics.Diagnostics;

namespace ClientSemantics.Caching;

/// <summary>
/// HEAD from a stored GET response: RFC 9110 9.3.2 has a server send the same header fields to HEAD as to GET, so a
/// fresh stored GET response answers HEAD without the network (as browsers' caches do), with no content and the
/// stored body's Content-Length. Anything else goes to the origin, and a HEAD response is never stored.
/// </summary>
internal sealed partial class CacheHandler
{
    private const string HeadReason = "A HEAD answered from the stored GET response: the same header fields, no content (RFC 9110 9.3.2).";

    private Task<HttpResponseMessage> Head(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsCallerConditional(request))
        {
            // As for GET: the caller's own conditional request passes through unchanged.
            TraceRecorder.Publish(request);
            return base.SendAsync(request, cancellationToken);
        }

        var key = CacheKeys.Primary(request.RequestUri!);
        var directives = RequestDirectives.From(request);
        var lookup = context.Store.GetAsync(key, cancellationToken);
        if (lookup.IsCompletedSuccessfully)
        {
            return HeadHit(request, directives, lookup.Result, out var fwd) is { } hit
                ? Task.FromResult<HttpResponseMessage>(hit)
                : ForwardHeadAsync(request, fwd, cancellationToken);
        }

        TraceRecorder.Publish(request);
        return HeadAsync(request, directives, lookup, cancellationToken);
    }

    private async Task<HttpResponseMessage> HeadAsync(
        HttpRequestMessage request, RequestDirectives directives, ValueTask<IReadOnlyList<CachedResponse>> lookup, CancellationToken cancellationToken) =>
        HeadHit(request, directives, await lookup.ConfigureAwait(false), out var fwd)
        ?? await ForwardHeadAsync(request, fwd, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A response built from a stored GET response that may be used as it is; else null, with <paramref name="fwd"/>
    /// saying why the HEAD goes forward (RFC 9211: miss, or stale).
    /// </summary>
    private CacheHitResponse? HeadHit(HttpRequestMessage request, in RequestDirectives directives, IReadOnlyList<CachedResponse> variants, out string fwd)
    {
        fwd = "miss";
        if (Match(request, variants) is not { } entry)
        {
            return null;
        }

        var now = context.Time.GetUtcNow();
        var decision = CacheDecider.Decide(directives, entry.Facts, now, context.Options);
        if (decision.Action is not (CacheAction.Fresh or CacheAction.StaleAccepted))
        {
            // Stale (even within stale-while-revalidate) or to be validated: the origin answers the HEAD itself.
            fwd = "stale";
            return null;
        }

        Count("hit");
        Record(request, entry.StatusCode, "hit", HeadReason, now);
        return CachedResponseMapper.ToHeadResponse(entry, request, decision.Action == CacheAction.Fresh ? CacheStatus.Hit : CacheStatus.HitStale, decision.Age);
    }

    /// <summary>Sends the HEAD on; its answer is not stored, and says so in Cache-Status.</summary>
    private Task<HttpResponseMessage> ForwardHeadAsync(HttpRequestMessage request, string fwd, CancellationToken cancellationToken)
    {
        TraceRecorder.Publish(request);
        return MarkAsync(base.SendAsync(request, cancellationToken), fwd);

        static async Task<HttpResponseMessage> MarkAsync(Task<HttpResponseMessage> pending, string fwd)
        {
            var response = await pending.ConfigureAwait(false);
            response.Headers.TryAddWithoutValidation(CacheStatus.HeaderName, CacheStatus.Forwarded(fwd, (int)response.StatusCode, stored: false));
            return response;
        }
    }
}
