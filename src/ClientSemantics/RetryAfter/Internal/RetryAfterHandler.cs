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

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        pipeline.Enabled ? SendFirstAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    /// <summary>
    /// RetryDecider passes (no retry, no trace, no pause) every status but these, whatever else it is told; and a
    /// Retry-After on any response is recorded by the pipeline. Only those answers need the Polly pipeline.
    /// </summary>
    private static bool NeedsDecision(HttpResponseMessage response) =>
        (int)response.StatusCode is 408 or 413 or 429 or 500 or 501 or 502 or 503 or 504 or 505
        || response.Headers.NonValidated.Contains("Retry-After");

    private async Task<HttpResponseMessage> SendFirstAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // As Polly does before its first attempt: a cancelled call sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var deadline = RequestDeadline.Resolve(request, pipeline.Time.GetUtcNow(), pipeline.ClientTimeout);
        var call = new CallState(request, Origin.Of(request.RequestUri), deadline, OtherRetryLayer && pipeline.DeferToResilienceHandler);

        // The first attempt goes out without Polly: most answers need no decision, and the pipeline's own state
        // machines and context are then not paid for. An answer that needs one is handed to Polly as its first attempt.
        // (SendAttemptAsync's steps, written out here so that the common path has one state machine, not two.)
        await pipeline.Gate.WaitAsync(call, cancellationToken).ConfigureAwait(false);
        pipeline.RecordFirstAttempt(call.Origin);
        call.Attempts++;
        var first = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!NeedsDecision(first))
        {
            return first;
        }

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
