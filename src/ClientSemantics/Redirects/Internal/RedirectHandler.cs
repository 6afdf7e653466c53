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
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.Get(clientName).Redirects;
        var limit = RedirectRequestExtensions.EffectiveMaxRedirects(request, options.MaxRedirects);
        if (limit == 0 || request.RequestUri is not { IsAbsoluteUri: true } start)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var chain = new RedirectChain(request.Method, start, limit);
        var healed = false;
        while (true)
        {
            var shortcut = await memory.ApplyAsync(request, chain, options, cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
