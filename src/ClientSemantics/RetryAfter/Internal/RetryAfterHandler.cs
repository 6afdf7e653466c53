using Polly;

namespace ClientSemantics.RetryAfter;

/// <summary>
/// The I/O of the backoff stage: waits out the origin's shared pause, sends, and lets the client's Polly pipeline
/// decide (through <see cref="RetryDecider"/>) whether and when to send again. State lives in the pipeline, not here,
/// because IHttpClientFactory rebuilds handlers every two minutes.
/// </summary>
internal sealed class RetryAfterHandler(RetryAfterPipeline pipeline) : DelegatingHandler
{
    /// <summary>Set when the client's handler list holds a Microsoft.Extensions.Http.Resilience handler (see RetryAfterServices).</summary>
    internal bool OtherRetryLayer { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!pipeline.Enabled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var deadline = RequestDeadline.Resolve(request, pipeline.Time.GetUtcNow(), pipeline.ClientTimeout);
        var call = new CallState(request, Origin.Of(request.RequestUri), deadline, OtherRetryLayer && pipeline.DeferToResilienceHandler);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallState.Key, call);
        try
        {
            return await pipeline.Pipeline.ExecuteAsync(
                static (ctx, handler) => handler.SendAttemptAsync(ctx),
                context,
                this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(ResilienceContext context)
    {
        var call = CallState.From(context);
        await pipeline.Gate.WaitAsync(call, context.CancellationToken).ConfigureAwait(false);
        if (call.Attempts == 0)
        {
            pipeline.RecordFirstAttempt(call.Origin);
        }

        call.Attempts++;
        return await base.SendAsync(call.Request, context.CancellationToken).ConfigureAwait(false);
    }
}
