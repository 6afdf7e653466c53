using ClientSemantics.Diagnostics;
using ClientSemantics.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientSemantics.Authentication;

/// <summary>
/// Answers 401 (origin) and 407 (proxy) challenges once each, and sends credentials up front into protection spaces
/// where they worked before (RFC 9110 11). Decisions are made by <see cref="ChallengeSelector"/> and
/// <see cref="AuthenticationDecider"/>; this class does the I/O, the trace, the log and the metric.
/// </summary>
internal sealed partial class AuthenticationHandler(
    string name,
    AuthenticationState state,
    IOptionsMonitor<StatusSemanticsOptions> options,
    ClientSemanticsMetrics metrics,
    ILogger logger) : DelegatingHandler
{
    // Each side answers at most: a fallback from preemption, one answer, one stale nonce or token refresh.
    private const int MaxRounds = 6;
    private readonly AnswerComposer _composer = new(state);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return base.SendAsync(request, cancellationToken);
        }

        if (AppliedCredentials.NoneApplied(request) && state.Spaces.IsEmpty)
        {
            if (!HasCredentials(options.Get(name).Authentication))
            {
                // No credentials, no proxy credentials, no token source: a 401 or 407 could only be returned as it
                // came, so the answer is handed on without this stage waiting for it.
                return base.SendAsync(request, cancellationToken);
            }

            // Nothing of ours to strip and no space to send credentials into up front: the request goes as it is,
            // and only a challenge needs the rest (a success or a 403 is remembered only after an answer or a preemption).
            var pending = base.SendAsync(request, cancellationToken);
            return pending.IsCompletedSuccessfully && !IsChallenge(pending.Result)
                ? pending
                : FirstAnswerAsync(request, uri, pending, cancellationToken);
        }

        return AuthenticateAsync(request, uri, null, cancellationToken);
    }

    private static bool HasCredentials(AuthenticationOptions o) =>
        o.Credentials is not null || o.ProxyCredentials is not null || o.BearerTokenSource is not null;

    private static bool IsChallenge(HttpResponseMessage response) => (int)response.StatusCode is 401 or 407;

    private async Task<HttpResponseMessage> FirstAnswerAsync(HttpRequestMessage request, Uri uri, Task<HttpResponseMessage> pending, CancellationToken cancellationToken)
    {
        var response = await pending.ConfigureAwait(false);
        return IsChallenge(response) ? await AuthenticateAsync(request, uri, response, cancellationToken).ConfigureAwait(false) : response;
    }

    /// <param name="request">The request.</param>
    /// <param name="uri">Its absolute URI.</param>
    /// <param name="first">The answer to a request sent as it was (nothing stripped, nothing preempted), or null to prepare and send it here.</param>
    /// <param name="cancellationToken">The call's token.</param>
    private async Task<HttpResponseMessage> AuthenticateAsync(HttpRequestMessage request, Uri uri, HttpResponseMessage? first, CancellationToken cancellationToken)
    {
        var o = options.Get(name).Authentication;
        var applied = AppliedCredentials.For(request);
        var origin = new AuthenticationSide(proxy: false, uri);
        var proxy = state.ProxyFor(uri) is { } proxyUri ? new AuthenticationSide(proxy: true, proxyUri) : null;
        var response = first;
        if (response is null)
        {
            if (applied.RemoveOurs(request))
            {
                Record(request, null, "strip", "credentials from an earlier pass removed; this hop gets only what is scoped to its own origin");
            }

            await PreemptAsync(request, origin, applied, o, cancellationToken).ConfigureAwait(false);
            if (proxy is not null)
            {
                await PreemptAsync(request, proxy, applied, o, cancellationToken).ConfigureAwait(false);
            }

            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        for (var round = 0; round < MaxRounds; round++)
        {
            var status = (int)response.StatusCode;
            if (status is not (401 or 407))
            {
                Remember(request, status, origin);
                if (proxy is not null)
                {
                    Remember(request, status, proxy);
                }

                return response;
            }

            var side = status == 407 ? proxy : origin;
            if (side is null)
            {
                Decided(request, status, "none", AuthenticationDecision.Return("407 for a request that goes through no proxy we know: proxy credentials go only to the proxy"));
                return response;
            }

            var credentials = side.Proxy ? o.ProxyCredentials : o.Credentials;
            var selection = ChallengeSelector.Select(
                ChallengeParser.FromResponse(response, side.Proxy),
                new SelectorInput(side.Target, credentials, o.BearerTokenSource is not null, o.AllowBasicOverHttp, side.Proxy));
            var decision = AuthenticationDecider.Decide(new AuthenticationFacts(
                status, applied.CallerSet(request, side.Proxy), side.Prior, RequestBody.IsRereadable(request.Content), selection, side.StaleRetryUsed, side.TokenRefreshUsed));
            if (side.Prior == PriorAttempt.Preemptive && side.Preempted is { } refused)
            {
                state.Spaces.Forget(refused); // credentials sent up front were refused: later requests wait for a challenge
            }

            Decided(request, status, selection.SchemeName, decision);
            if (!decision.Answer)
            {
                return response;
            }

            if (side.Prior == PriorAttempt.Answered)
            {
                side.StaleRetryUsed |= selection.Stale;
                side.TokenRefreshUsed |= selection.Kind == AuthSchemeKind.Bearer;
            }
            else if (side.Prior == PriorAttempt.Preemptive && selection.Kind == AuthSchemeKind.Bearer)
            {
                side.TokenRefreshUsed = true; // the token sent up front was refused: the next one is the refresh
            }

            var parameter = await _composer.AnswerAsync(side, selection, request, o, cancellationToken).ConfigureAwait(false);
            if (parameter is null)
            {
                Record(request, status, "return", $"{selection.Reason}: the token source gave no token");
                return response;
            }

            applied.Set(request, side.Proxy, selection.SchemeName, parameter);
            side.Prior = PriorAttempt.Answered;
            side.Answered = selection;
            response.Dispose();
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private async ValueTask PreemptAsync(HttpRequestMessage request, AuthenticationSide side, AppliedCredentials applied, AuthenticationOptions o, CancellationToken cancellationToken)
    {
        if (applied.CallerSet(request, side.Proxy) || state.Spaces.Find(side.Key, side.PathForLookup) is not { } space)
        {
            return;
        }

        if (await _composer.PreemptAsync(side, space, request, o, cancellationToken).ConfigureAwait(false) is { } parameter)
        {
            var scheme = ChallengeSelection.NameOf(space.Kind);
            applied.Set(request, side.Proxy, scheme, parameter);
            side.Prior = PriorAttempt.Preemptive;
            side.Preempted = space;
            Record(request, null, "preemptive", $"{scheme}{RealmText(space.Realm)} sent up front in {side.HeaderName}: credentials worked in this protection space before");
            Log.AuthenticationPreemptive(logger, scheme, space.Realm, TraceUri.HostAndPath(request.RequestUri));
        }
    }

    private void Remember(HttpRequestMessage request, int status, AuthenticationSide side)
    {
        // A 403 is the origin refusing credentials it understood (RFC 9110 15.5.4): never retried, and it opens no
        // space at the origin. The proxy let the request through, so for the proxy it is a success.
        if (status == 403 && !side.Proxy)
        {
            if (side.Prior != PriorAttempt.None)
            {
                Record(request, status, "return", "403: the credentials were understood and refused (RFC 9110 15.5.4); never retried");
            }

            return;
        }

        if (side.Prior != PriorAttempt.Answered || side.Answered is not { } answered)
        {
            return;
        }

        state.Spaces.Remember(new ProtectionSpace(side.Key, side.PathPrefix, answered.Realm, answered.Kind, side.Session));
        Record(request, status, "remember", $"{answered.SchemeName}{RealmText(answered.Realm)} accepted: later requests under {side.PathPrefix} send it up front");
    }
}
