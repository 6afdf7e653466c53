using ClientSemantics.Diagnostics;
using ClientSemantics.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ClientSemantics.RetryAfter;

/// <summary>
/// One per client name (a keyed singleton), so that it outlives the handlers IHttpClientFactory rotates: the Polly
/// pipeline, the pause gate and the retry budget. Polly owns the loop and the waits; <see cref="RetryDecider"/> owns the rules.
/// </summary>
internal sealed class RetryAfterPipeline
{
    private readonly string _clientName;
    private readonly RetryAfterOptions _options;
    private readonly TimeProvider _time;
    private readonly RetryBudget _budget;
    private readonly ClientSemanticsMetrics _metrics;
    private readonly ILogger _logger;

    /// <summary>The client's factory-configured HttpClient.Timeout: a wait that would outlast it is not taken.</summary>
    public TimeSpan? ClientTimeout { get; init; }

    public RetryAfterPipeline(string clientName, RetryAfterOptions options, TimeProvider time, IOriginPauseStore store, ClientSemanticsMetrics metrics, ILogger logger)
    {
        _clientName = clientName;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _budget = new RetryBudget(time, options.RetryBudgetPercent, options.RetryBudgetMinPerSecond);
        Gate = new OriginPauseGate(store, time, options, logger);
        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // The decider counts retries itself; Polly's limit only has to be no lower.
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldHandle = args => args.Outcome.Result is { } response
                    ? DecideAsync(CallState.From(args.Context), response, args.Context.CancellationToken)
                    : ValueTask.FromResult(false),
                // RetryStrategyOptions.MaxDelay does not cap a generated delay: the decider has capped it already.
                DelayGenerator = args => ValueTask.FromResult(CallState.From(args.Context).Decision.Delay),
            })
            .Build();
    }

    public bool Enabled => _options.MaxRetries > 0;

    public TimeProvider Time => _time;

    public bool DeferToResilienceHandler => _options.DeferToResilienceHandler;

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public OriginPauseGate Gate { get; }

    /// <summary>The origin strings of this client's calls, made once per origin.</summary>
    public OriginKeys Origins { get; } = new();

    public void RecordFirstAttempt(string origin) => _budget.RecordRequest(origin);

    /// <summary>Counts a first attempt made at <paramref name="now"/> (the call's start, read once by the trace).</summary>
    public void RecordFirstAttempt(string origin, DateTimeOffset now) => _budget.RecordRequest(origin, now);

    private async ValueTask<bool> DecideAsync(CallState call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var request = call.Request;
        var status = (int)response.StatusCode;
        var now = _time.GetUtcNow();
        TimeSpan? asked = RetryAfterHeader.TryGetDelay(response, now, out var parsed) ? parsed : null;
        if (asked is { } value)
        {
            request.Options.Set(RetryAfterRecord.Key, new RetryAfterRecord(response, value));
        }

        await Gate.ObserveAsync(call.Origin, status, asked, now, cancellationToken).ConfigureAwait(false);

        var input = new RetryInput(
            request.Method,
            status,
            request.Headers.Contains("Idempotency-Key"),
            RequestBody.IsRereadable(request.Content),
            asked,
            call.Attempts - 1,
            RequestDeadline.TimeLeft(call.Deadline, now),
            _budget.HasRoom(call.Origin),
            call.OtherRetryLayer,
#pragma warning disable CA5394 // Jitter spreads retries out; it is not security.
            Random.Shared.NextDouble());
#pragma warning restore CA5394
        var decision = RetryDecider.Decide(input, _options);
        if (decision.Verdict == RetryVerdict.Retry && !_budget.TryWithdraw(call.Origin))
        {
            decision = RetryDecision.GiveUp(RetryDecider.BudgetSpent, asked);
        }

        call.Decision = decision;
        Report(request, status, decision);
        return decision.Verdict == RetryVerdict.Retry;
    }

    private void Report(HttpRequestMessage request, int status, RetryDecision decision)
    {
        if (decision.Verdict == RetryVerdict.Pass)
        {
            return;
        }

        TraceRecorder.Record(request, StatusSemanticsStage.RetryAfter, status, decision.Word, decision.Reason, decision.Delay);
        _metrics.RetryAttempts.Add(1, ClientSemanticsMetrics.ClientTag(_clientName), new("http.response.status_code", status), new("decision", decision.Word));
        var where = TraceUri.HostAndPath(request.RequestUri);
        if (decision.Verdict == RetryVerdict.Retry)
        {
            var seconds = decision.Delay.GetValueOrDefault().TotalSeconds;
            _metrics.RetryDelay.Record(seconds, ClientSemanticsMetrics.ClientTag(_clientName));
            Log.RetryScheduled(_logger, request.Method.Method, where, status, seconds, decision.Reason);
        }
        else
        {
            Log.RetryGivenUp(_logger, request.Method.Method, where, status, decision.Reason);
        }
    }
}
