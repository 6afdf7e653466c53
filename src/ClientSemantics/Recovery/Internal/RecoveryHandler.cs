using ClientSemantics.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ClientSemantics.Recovery;

/// <summary>
/// Innermost stage: repeats a request once, changed the way RFC 9110 tells the client to, after 411, 415, 417 and 505,
/// and records 416's complete length. The rules live in <see cref="RecoveryDecider"/>; this class does the I/O.
/// </summary>
internal sealed class RecoveryHandler(string clientName, RecoveryOptions options, ClientSemanticsMetrics metrics, ILogger logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!MayNeedRecovery(request))
        {
            // Nothing any recovery could change: the answer is handed on without this stage waiting for it.
            return base.SendAsync(request, cancellationToken);
        }

        var pending = base.SendAsync(request, cancellationToken);
        return pending.IsCompletedSuccessfully && !MayRecover(pending.Result) ? pending : FirstAnswerAsync(request, pending, cancellationToken);
    }

    /// <summary>
    /// Every move RecoveryDecider can make, and every fact it reports, needs one of these in the request: a body (411,
    /// 415), Expect: 100-continue (417), a Range (416's resumed download) or HTTP/2 or later (505). A request without
    /// them (most GETs) gets the same answer whether this stage looks or not; the only loss is a trace line saying
    /// there was nothing to do.
    /// </summary>
    private static bool MayNeedRecovery(HttpRequestMessage request) =>
        request.Content is not null
        || request.Version.Major >= 2
        || (request.Headers.NonValidated.Count != 0 && (request.Headers.NonValidated.Contains("Expect") || request.Headers.NonValidated.Contains("Range")));

    /// <summary>RecoveryDecider passes every status but these without reading anything: the rest need no facts.</summary>
    private static bool MayRecover(HttpResponseMessage response) => (int)response.StatusCode is 411 or 415 or 416 or 417 or 505;

    // A small state machine for the common answer; only a status with a client move pays for the loop's.
    private async Task<HttpResponseMessage> FirstAnswerAsync(HttpRequestMessage request, Task<HttpResponseMessage> pending, CancellationToken cancellationToken)
    {
        var response = await pending.ConfigureAwait(false);
        return MayRecover(response) ? await RecoverAsync(request, response, cancellationToken).ConfigureAwait(false) : response;
    }

    private async Task<HttpResponseMessage> RecoverAsync(HttpRequestMessage request, HttpResponseMessage first, CancellationToken cancellationToken)
    {
        var repeated = RecoveryKind.None;
        HttpResponseMessage? pendingFirst = first;
        while (true)
        {
            var response = pendingFirst ?? await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            pendingFirst = null;
            var status = (int)response.StatusCode;
            var measured = status == 411 ? await RecoveryFacts.MeasureAsync(request.Content, cancellationToken).ConfigureAwait(false) : null;
            var facts = RecoveryFacts.OfRequest(request, repeated, measured);
            var decision = RecoveryDecider.Decide(facts, RecoveryFacts.OfResponse(response), options);
            if (!decision.IsRelevant)
            {
                return response;
            }

            if (decision.IsRepeat && await PrepareAsync(request, decision.Repeat, facts, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                decision = RecoveryDecision.Return(refusal);
            }

            Record(request, status, decision);
            if (!decision.IsRepeat)
            {
                return response;
            }

            // The first answer is spent: free its connection before the repeat.
            response.Dispose();
            repeated |= decision.Repeat;
        }
    }

    /// <summary>Changes the request for its repeat; a reason when it cannot be changed safely.</summary>
    private async Task<string?> PrepareAsync(HttpRequestMessage request, RecoveryKind kind, RecoveryRequestFacts facts, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case RecoveryKind.WithoutExpectContinue:
                request.Headers.ExpectContinue = false;
                request.Headers.Expect.Remove(new System.Net.Http.Headers.NameValueWithParametersHeaderValue("100-continue"));
                return null;
            case RecoveryKind.WithContentLength:
                request.Headers.TransferEncodingChunked = false;
                if (request.Content is { } content)
                {
                    content.Headers.ContentLength = facts.BodyLength;
                }

                return null;
            case RecoveryKind.WithoutContentCoding:
                var decoded = await ContentDecoder.DecodeAsync(request.Content!, options.MaxBufferedBodyBytes, cancellationToken).ConfigureAwait(false);
                if (decoded is null)
                {
                    return $"415: the body is not valid in its coding or decodes to more than Recovery.MaxBufferedBodyBytes ({options.MaxBufferedBodyBytes}).";
                }

                request.Content = decoded;
                return null;
            case RecoveryKind.OverHttp11:
                request.Version = System.Net.HttpVersion.Version11;
                request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
                return null;
            default:
                return null;
        }
    }

    private void Record(HttpRequestMessage request, int status, RecoveryDecision decision)
    {
        var reason = decision.Reason!;
        TraceRecorder.Record(request, StatusSemanticsStage.Recovery, status, decision.Decision, reason);
        metrics.Recoveries.Add(
            1,
            ClientSemanticsMetrics.ClientTag(clientName),
            new("http.response.status_code", status),
            new("client_semantics.decision", decision.Decision));
        var where = TraceUri.HostAndPath(request.RequestUri);
        if (decision.IsRepeat)
        {
            Log.RecoveryRepeat(logger, request.Method.Method, where, status, reason);
        }
        else
        {
            Log.RecoveryReturn(logger, request.Method.Method, where, status, reason);
        }
    }
}
