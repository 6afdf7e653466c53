using System.Net;
using ClientSemantics.Diagnostics;

namespace ClientSemantics.Caching;

/// <summary>
/// The private revalidating cache (RFC 9111). Reads the clock once per step, asks <see cref="CacheDecider"/> what
/// to do, and does the I/O: store lookups, conditional requests, merging 304s, storing, invalidating.
/// </summary>
internal sealed partial class CacheHandler(CacheContext context) : DelegatingHandler
{
    private static readonly string[] CallerConditionals = ["If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range", "Range"];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var usable = context.Options.Enabled && request.RequestUri is { IsAbsoluteUri: true };
        var bypassed = usable && request.IsCacheBypassed();
        if (usable && !bypassed)
        {
            if (request.Method == HttpMethod.Get)
            {
                return Get(request, cancellationToken);
            }

            if (request.Method == HttpMethod.Head)
            {
                return Head(request, cancellationToken);
            }
        }

        // Every path but a synchronous hit goes on to the network: the trace is published first (see TraceRecorder).
        TraceRecorder.Publish(request);
        if (!usable)
        {
            return base.SendAsync(request, cancellationToken);
        }

        if (bypassed)
        {
            Record(request, null, "bypass", "The request asked to bypass the cache.");
            return base.SendAsync(request, cancellationToken);
        }

        return IsUnsafe(request.Method) ? SendUnsafeAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    private Task<HttpResponseMessage> Get(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsCallerConditional(request))
        {
            TraceRecorder.Publish(request);
            Record(request, null, "pass", "The caller made the request conditional or partial itself: the answer passes through unchanged.");
            return base.SendAsync(request, cancellationToken);
        }

        var key = CacheKeys.Primary(request.RequestUri!);
        var directives = RequestDirectives.From(request);
        var lookup = context.Store.GetAsync(key, cancellationToken);
        RequestCoalescer.Flight? waitOn = null;
        // The in-memory store answers at once: the first look is then made without a state machine, so a hit or a
        // forward this caller leads costs none of the loop's; only a waiter or a store that is really async takes it.
        if (lookup.IsCompletedSuccessfully && Step(request, key, directives, lookup.Result, mayWait: true, out waitOn, cancellationToken) is { } answer)
        {
            return answer;
        }

        TraceRecorder.Publish(request); // a store that answers later, or a concurrent request to wait for
        return GetAsync(request, key, directives, lookup, waitOn, cancellationToken);
    }

    private CachedResponse? Match(HttpRequestMessage request, IReadOnlyList<CachedResponse> variants)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (CacheKeys.Matches(request, variants[i], context.CredentialHashKey))
            {
                return variants[i];
            }
        }

        return null;
    }

    private HttpResponseMessage Hit(HttpRequestMessage request, CachedResponse entry, in CacheDecision decision, string cacheStatus, DateTimeOffset? at = null)
    {
        Count("hit");
        Record(request, entry.StatusCode, "hit", decision.Reason, at);
        return CachedResponseMapper.ToResponse(entry, request, cacheStatus, decision.Age);
    }

    private HttpResponseMessage OnlyIfCached(HttpRequestMessage request)
    {
        // RFC 9111 5.2.1.7: only-if-cached with nothing usable stored is answered 504 without touching the network.
        Count("only-if-cached");
        Record(request, 504, "answer", "The request says only-if-cached and no stored response fits.");
        var response = new HttpResponseMessage(HttpStatusCode.GatewayTimeout) { RequestMessage = request, Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation(CacheStatus.HeaderName, CacheStatus.OnlyIfCached);
        return response;
    }

    private static bool IsCallerConditional(HttpRequestMessage request)
    {
        var headers = request.Headers.NonValidated;
        if (headers.Count == 0)
        {
            return false;
        }

        foreach (var name in CallerConditionals)
        {
            if (headers.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;

    private void Count(string result) =>
        context.Metrics.CacheRequests.Add(1, ClientSemanticsMetrics.ClientTag(context.ClientName), new("result", result));

    /// <param name="request">The request.</param>
    /// <param name="status">The status the step is about, if any.</param>
    /// <param name="decision">The decision word.</param>
    /// <param name="reason">Why.</param>
    /// <param name="at">A time just read from the clock, so the trace does not read it again; null to read it.</param>
    private void Record(HttpRequestMessage request, int? status, string decision, string reason, DateTimeOffset? at = null)
    {
        TraceRecorder.Record(request, StatusSemanticsStage.Cache, status, decision, reason, at: at);
        if (context.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Log.CacheDecision(context.Logger, decision, TraceUri.HostAndPath(request.RequestUri), reason);
        }
    }
}
