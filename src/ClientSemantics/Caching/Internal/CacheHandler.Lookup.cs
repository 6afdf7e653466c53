using ClientSemantics.Diagnostics;

namespace ClientSemantics.Caching;

/// <summary>The GET side's loop: looks in the store, answers, waits for a concurrent request, or forwards.</summary>
internal sealed partial class CacheHandler
{
    /// <param name="request">The request.</param>
    /// <param name="key">Its store key.</param>
    /// <param name="directives">Its cache directives.</param>
    /// <param name="lookup">The store lookup, still to be awaited when <paramref name="waitOn"/> is null.</param>
    /// <param name="waitOn">A flight to wait for first (a concurrent request leads), or null.</param>
    /// <param name="cancellationToken">The call's token.</param>
    private async Task<HttpResponseMessage> GetAsync(
        HttpRequestMessage request, string key, RequestDirectives directives, ValueTask<IReadOnlyList<CachedResponse>> lookup, RequestCoalescer.Flight? waitOn, CancellationToken cancellationToken)
    {
        // Coalescing: one origin request per URI at a time. A waiter tries once, then goes alone.
        var waited = false;
        while (true)
        {
            if (waitOn is not null)
            {
                waited = true;
                Count("wait");
                var shared = await waitOn.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (shared is not null && CacheKeys.Matches(request, shared, context.CredentialHashKey))
                {
                    return Hit(request, shared, new(CacheAction.Fresh, TimeSpan.Zero, "A concurrent request for the same URI fetched or validated it."), CacheStatus.HitCollapsed);
                }

                lookup = context.Store.GetAsync(key, cancellationToken);
            }

            var variants = await lookup.ConfigureAwait(false);
            if (Step(request, key, directives, variants, mayWait: !waited, out waitOn, cancellationToken) is { } answer)
            {
                return await answer.ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One look at what the store holds: an answer (a hit, only-if-cached), a forward this caller leads, or null with
    /// <paramref name="waitOn"/> set when a concurrent request for the same key leads.
    /// </summary>
    private Task<HttpResponseMessage>? Step(
        HttpRequestMessage request, string key, in RequestDirectives directives, IReadOnlyList<CachedResponse> variants, bool mayWait, out RequestCoalescer.Flight? waitOn, CancellationToken cancellationToken)
    {
        waitOn = null;
        var entry = Match(request, variants);
        CacheDecision decision = default;
        if (entry is not null)
        {
            var now = context.Time.GetUtcNow();
            decision = CacheDecider.Decide(directives, entry.Facts, now, context.Options);
            switch (decision.Action)
            {
                case CacheAction.Fresh:
                    return Task.FromResult(Hit(request, entry, decision, CacheStatus.Hit, now));
                case CacheAction.StaleAccepted:
                    return Task.FromResult(Hit(request, entry, decision, CacheStatus.HitStale, now));
                case CacheAction.StaleWhileRevalidate:
                    StartBackgroundRevalidation(request, key, entry);
                    return Task.FromResult(Hit(request, entry, decision, CacheStatus.HitStale, now));
            }
        }

        if (directives.OnlyIfCached)
        {
            return Task.FromResult(OnlyIfCached(request));
        }

        RequestCoalescer.Flight? flight = null;
        if (mayWait && !context.Coalescer.TryLead(key, out flight))
        {
            waitOn = flight;
            return null;
        }

        TraceRecorder.Publish(request); // the forward continues on another thread
        return ForwardAsync(request, key, directives, entry, decision, flight, null, cancellationToken);
    }
}
