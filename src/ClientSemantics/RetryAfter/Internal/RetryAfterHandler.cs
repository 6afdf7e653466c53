using ClientSemantics.Diagnostics;
using Polly;

namespace ClientSemantics.RetryAfter;

/// <summary>
/// The I/O of the backoff stage: waits out the origin's shared pause, sends, and lets the client's Polly pipeline
/// decide (through <see cref="RetryDecider"/>) whether and when to send again. State lives in the pipeline, not here,
/// because IHttpClientFactory rebuilds handlers every two minutes.
/// </summary>
internal sealed class RetryAfterHandler(RetryAfterPipeline pipeline) : DelegatingHandler
{
    /// <summary>The answer to the first attempt, sent before Polly was needed: Polly's first attempt returns it instead of sending.</summary>
    private static readonly ResiliencePropertyKey<HttpResponseMessage?> FirstAnswerKey = new("ClientSemantics.RetryAfter.FirstAnswer");

    /// <summary>Set when the client's handler list holds a Microsoft.Extensions.Http.Resilience handler (see RetryAfterServices).</summary>
    internal bool OtherRetryLayer { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!pipeline.Enabled)
        {
            return base.SendAsync(request, cancellationToken);
        }

        // As Polly does before its first attempt: a cancelled call sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var origin = pipeline.Origins.Of(request.RequestUri);
        if (pipeline.Gate.MayBePaused(origin))
        {
            return SendFirstAsync(request, origin, cancellationToken);
        }

        // No pause to wait out: the first attempt goes out now, counted at the call's start (read once by the trace),
        // and the call's state, deadline and Polly are made only for an answer that needs a decision.
        pipeline.RecordFirstAttempt(origin, TraceRecorder.Get(request)?.StartedAt ?? pipeline.Time.GetUtcNow());
        var pending = base.SendAsync(request, cancellationToken);
        return pending.IsCompletedSuccessfully && !NeedsDecision(pending.Result)
            ? pending
            : FirstAnswerAsync(request, origin, pending, cancellationToken);
    }

    /// <summary>
    /// RetryDecider passes (no retry, no trace, no pause) every status but these, whatever else it is told; and a
    /// Retry-After on any response is recorded by the pipeline. Only those answers need the Polly pipeline.
    /// </summary>
    private static bool NeedsDecision(HttpResponseMessage response) =>
        (int)response.StatusCode is 408 or 413 or 429 or 500 or 501 or 502 or 503 or 504 or 505
        || response.Headers.NonValidated.Contains("Retry-After");

    // A small state machine for the common answer; only an answer that needs a decision pays for Polly's.
    private async Task<HttpResponseMessage> FirstAnswerAsync(HttpRequestMessage request, string origin, Task<HttpResponseMessage> pending, CancellationToken cancellationToken)
    {
        var first = await pending.ConfigureAwait(false);
        first.RequestMessage ??= request; // the trace, and the caller, find the call's request on it
        return NeedsDecision(first) ? await DecideAsync(NewCall(request, origin, attempts: 1), first, cancellationToken).ConfigureAwait(false) : first;
    }

    /// <summary>The first attempt when the origin may be paused: the gate is asked (and may wait or refuse) before sending.</summary>
    private async Task<HttpResponseMessage> SendFirstAsync(HttpRequestMessage request, string origin, CancellationToken cancellationToken)
    {
        var call = NewCall(request, origin, attempts: 0);
        await pipeline.Gate.WaitAsync(call, cancellationToken).ConfigureAwait(false);
        pipeline.RecordFirstAttempt(call.Origin);
        call.Attempts++;
        var first = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return NeedsDecision(first) ? await DecideAsync(call, first, cancellationToken).ConfigureAwait(false) : first;
    }

    private CallState NewCall(HttpRequestMessage request, string origin, int attempts) =>
        new(request, origin, RequestDeadline.Resolve(request, pipeline.Time.GetUtcNow(), pipeline.ClientTimeout), OtherRetryLayer && pipeline.DeferToResilienceHandler)
        {
            Attempts = attempts,
        };

    /// <summary>Hands an answer that needs a decision to Polly as its first attempt.</summary>
    private async Task<HttpResponseMessage> DecideAsync(CallState call, HttpResponseMessage first, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallState.Key, call);
        context.Properties.Set(FirstAnswerKey, first);
        try
        {
            return await pipeline.Pipeline.ExecuteAsync(
                static (ctx, handler) => handler.PollyAttemptAsync(ctx),
                context,
                this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ValueTask<HttpResponseMessage> PollyAttemptAsync(ResilienceContext context)
    {
        if (context.Properties.TryGetValue(FirstAnswerKey, out var first) && first is not null)
        {
            context.Properties.Set(FirstAnswerKey, null);
            return ValueTask.FromResult(first);
        }

        return SendAttemptAsync(CallState.From(context), context.CancellationToken);
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(CallState call, CancellationToken cancellationToken)
    {
        await pipeline.Gate.WaitAsync(call, cancellationToken).ConfigureAwait(false);
        if (call.Attempts == 0)
        {
            pipeline.RecordFirstAttempt(call.Origin);
        }

        call.Attempts++;
        return await base.SendAsync(call.Request, cancellationToken).ConfigureAwait(false);
    }
}
