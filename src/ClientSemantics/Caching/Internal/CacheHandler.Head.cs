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
        var key = CacheKeys.Primary(request.RequestUri!);
        var directives = RequestDirectives.From(request);
        var lookup = context.Store.GetAsync(key, cancellationToken);
        if (lookup.IsCompletedSuccessfully)
        {
            return HeadHit(request, directives, lookup.Result) is { } hit ? Task.FromResult<HttpResponseMessage>(hit) : ForwardHead(request, cancellationToken);
        }

        TraceRecorder.Publish(request);
        return HeadAsync(request, directives, lookup, cancellationToken);
    }

    private async Task<HttpResponseMessage> HeadAsync(
        HttpRequestMessage request, RequestDirectives directives, ValueTask<IReadOnlyList<CachedResponse>> lookup, CancellationToken cancellationToken) =>
        HeadHit(request, directives, await lookup.ConfigureAwait(false))
        ?? await ForwardHead(request, cancellationToken).ConfigureAwait(false);

    /// <summary>A response built from a stored GET response that may be used as it is, or null.</summary>
    private CacheHitResponse? HeadHit(HttpRequestMessage request, in RequestDirectives directives, IReadOnlyList<CachedResponse> variants)
    {
        if (IsCallerConditional(request) || Match(request, variants) is not { } entry)
        {
            return null;
        }

        var now = context.Time.GetUtcNow();
        var decision = CacheDecider.Decide(directives, entry.Facts, now, context.Options);
        if (decision.Action is not (CacheAction.Fresh or CacheAction.StaleAccepted))
        {
            // Stale (even within stale-while-revalidate) or to be validated: the origin answers the HEAD itself.
            return null;
        }

        Count("hit");
        Record(request, entry.StatusCode, "hit", HeadReason, now);
        return CachedResponseMapper.ToHeadResponse(entry, request, decision.Action == CacheAction.Fresh ? CacheStatus.Hit : CacheStatus.HitStale, decision.Age);
    }

    private Task<HttpResponseMessage> ForwardHead(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TraceRecorder.Publish(request);
        return base.SendAsync(request, cancellationToken);
    }
}
