using ClientSemantics.Diagnostics;
using ClientSemantics.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientSemantics.Redirects;

/// <summary>
/// Follows redirects (RFC 9110 15.4) hop by hop on the same request, and applies the client's remembered
/// permanent redirects. It does the I/O only: the rules are in <see cref="RedirectDecider"/>,
/// <see cref="RedirectChain"/> and <see cref="PermanentRedirectPolicy"/>.
/// </summary>
internal sealed class RedirectHandler(
    string clientName,
    IOptionsMonitor<StatusSemanticsOptions> optionsMonitor,
    PermanentRedirectMemory memory,
    ClientSemanticsMetrics metrics,
    ILogger logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.Get(clientName).Redirects;
        var limit = RedirectRequestExtensions.EffectiveMaxRedirects(request, options.MaxRedirects);
        if (limit == 0 || request.RequestUri is not { IsAbsoluteUri: true } start)
        {
            return base.SendAsync(request, cancellationToken);
        }

        if (!memory.MayApply(options))
        {
            // Nothing remembered: no chain, no lookup. A response that is no redirect (a cache hit, most answers)
            // goes back as it came, in the same task; only a 3xx enters the loop.
            var pending = base.SendAsync(request, cancellationToken);
            if (pending.IsCompletedSuccessfully && !IsRedirect(pending.Result))
            {
                return pending;
            }

            TraceRecorder.Publish(request); // the loop may continue on another thread
            return FirstAnswerAsync(request, pending, options, limit, start, cancellationToken);
        }

        TraceRecorder.Publish(request);
        return FollowAsync(request, null, options, limit, start, cancellationToken);
    }

    /// <summary>RedirectDecider answers None for every status outside 300-308: those never need the loop.</summary>
    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and <= 308;

    private async Task<HttpResponseMessage> FirstAnswerAsync(
        HttpRequestMessage request, Task<HttpResponseMessage> pending, RedirectOptions options, int limit, Uri start, CancellationToken cancellationToken)
    {
        var response = await pending.ConfigureAwait(false);
        response.RequestMessage ??= request; // the trace, and the caller, find the call's request on it
        return IsRedirect(response)
            ? await FollowAsync(request, response, options, limit, start, cancellationToken).ConfigureAwait(false)
            : response;
    }

    /// <param name="request">The request, mutated hop by hop.</param>
    /// <param name="first">The answer to the first hop when it was already sent without a remembered redirect, else null.</param>
    /// <param name="options">The client's redirect options.</param>
    /// <param name="limit">The hop limit of this call.</param>
    /// <param name="start">The first request URI.</param>
    /// <param name="cancellationToken">The call's token.</param>
    private async Task<HttpResponseMessage> FollowAsync(
        HttpRequestMessage request, HttpResponseMessage? first, RedirectOptions options, int limit, Uri start, CancellationToken cancellationToken)
    {
        var chain = new RedirectChain(request.Method, start, limit);
        var healed = false;
        var pendingFirst = first;
        while (true)
        {
            RememberedShortcut? shortcut = null;
            HttpResponseMessage response;
            if (pendingFirst is not null)
            {
                response = pendingFirst;
                pendingFirst = null;
            }
            else
            {
                shortcut = await memory.ApplyAsync(request, chain, options, cancellationToken).ConfigureAwait(false);
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            var status = (int)response.StatusCode;
            if (shortcut is not null && PermanentRedirectPolicy.IsBroken(status))
            {
                // Self-healing: the remembered target has gone, so the source may have moved elsewhere. Ask it once.
                var canAsk = !healed && RequestBody.IsRereadable(request.Content);
                var reason = canAsk
                    ? "the target answered " + status + "; the source is asked again."
                    : "the target answered " + status + "; the source is not asked again in this call (already healed once, or the body cannot be re-sent).";
                await DisposeOnFailureAsync(response, () => memory.ForgetAsync(request, shortcut.Edges, status, reason, cancellationToken)).ConfigureAwait(false);
                if (canAsk)
                {
                    healed = true;
                    response.Dispose();
                    shortcut.Undo(request, chain);
                    continue;
                }

                return response;
            }

            var current = request.RequestUri!;
            var decision = RedirectDecider.Decide(
                new RedirectInput(status, request.Method, RedirectUris.ReadLocation(response), current, request.Content is not null, RequestBody.IsRereadable(request.Content)),
                options);
            if (decision.Action == RedirectAction.None)
            {
                return response;
            }

            var target = decision.Target is null ? null : RedirectUris.InheritFragment(decision.Target, current);
            string? stopReason = null;
            // A redirect the decider refuses, MaxRedirects or a loop: the last 3xx goes back to the caller, and the trace says why.
            if (decision.Action == RedirectAction.Stop || !chain.TryEnter(decision.Method!, target!, out stopReason))
            {
                stopReason ??= decision.Reason;
                Record(request, status, "stop", stopReason);
                Log.RedirectStopped(logger, status, TraceUri.HostAndPath(current), stopReason);
                return response;
            }

            if (decision.Permanent)
            {
                await DisposeOnFailureAsync(response, () => memory.RememberAsync(request, response, decision.Target!, options, cancellationToken)).ConfigureAwait(false);
            }

            Record(request, status, "follow", decision.Reason);
            Log.RedirectFollowed(logger, status, TraceUri.HostAndPath(current), TraceUri.HostAndPath(target));
            // Release the connection before the next hop; SocketsHttpHandler drains a small body itself, a big one is dropped.
            response.Dispose();
            RedirectHop.Apply(request, decision, target!);
        }
    }

    /// <summary>A store that fails (or a cancelled call) must not leak the response and its connection.</summary>
    private static async ValueTask DisposeOnFailureAsync(HttpResponseMessage response, Func<ValueTask> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private void Record(HttpRequestMessage request, int status, string decision, string reason)
    {
        TraceRecorder.Record(request, StatusSemanticsStage.Redirect, status, decision, reason);
        metrics.Redirects.Add(
            1,
            ClientSemanticsMetrics.ClientTag(clientName),
            new("http.response.status_code", status),
            new("client_semantics.decision", decision));
    }
}
