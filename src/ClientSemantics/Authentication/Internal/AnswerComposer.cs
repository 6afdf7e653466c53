namespace ClientSemantics.Authentication;

/// <summary>Builds the credentials field for a chosen challenge or a remembered space. The only async part is the token source.</summary>
internal sealed class AnswerComposer(AuthenticationState state)
{
    /// <summary>The parameter for answering <paramref name="selection"/>, or null when no credentials came (a token source said none).</summary>
    public async ValueTask<string?> AnswerAsync(AuthenticationSide side, ChallengeSelection selection, HttpRequestMessage request, AuthenticationOptions options, CancellationToken cancellationToken)
    {
        side.Realm = selection.Realm;
        switch (selection.Kind)
        {
            case AuthSchemeKind.Basic:
                return BasicScheme.Parameter(selection.Credential!);
            case AuthSchemeKind.Digest:
                // A new challenge (or a stale=true one) brings a new nonce: its count starts again at 1.
                side.Session = new DigestSession(selection.Digest!);
                return Digest(side, side.Session, selection.Credential!, request);
            case AuthSchemeKind.Bearer:
                var rejected = side.Token;
                var context = new BearerTokenContext(OriginOf(side), selection.Challenge, rejected is not null);
                side.Token = await state.Tokens.GetAsync(BearerTokens.KeyOf(side.Key, selection.Realm), options.BearerTokenSource!, context, rejected, cancellationToken).ConfigureAwait(false);
                return side.Token;
            default:
                return null;
        }
    }

    /// <summary>The parameter to send up front into a space where credentials worked before, or null when there are none now.</summary>
    public async ValueTask<string?> PreemptAsync(AuthenticationSide side, ProtectionSpace space, HttpRequestMessage request, AuthenticationOptions options, CancellationToken cancellationToken)
    {
        side.Realm = space.Realm;
        var credentials = side.Proxy ? options.ProxyCredentials : options.Credentials;
        var input = new SelectorInput(side.Target, credentials, options.BearerTokenSource is not null, options.AllowBasicOverHttp, side.Proxy);
        switch (space.Kind)
        {
            case AuthSchemeKind.Basic when ChallengeSelector.Credential(input, "Basic") is { } basic:
                return BasicScheme.Parameter(basic);
            case AuthSchemeKind.Digest when ChallengeSelector.Credential(input, "Digest") is { } credential && space.Digest is { } session:
                side.Session = session;
                return Digest(side, session, credential, request);
            case AuthSchemeKind.Bearer when options.BearerTokenSource is { } source:
                var context = new BearerTokenContext(OriginOf(side), null, previousTokenRejected: false);
                side.Token = await state.Tokens.GetAsync(BearerTokens.KeyOf(side.Key, space.Realm), source, context, null, cancellationToken).ConfigureAwait(false);
                return side.Token;
            default:
                return null; // the options changed since: wait for a challenge
        }
    }

    private static string Digest(AuthenticationSide side, DigestSession session, System.Net.NetworkCredential credential, HttpRequestMessage request) =>
        DigestScheme.Parameter(session.Challenge, credential, request.Method.Method, side.DigestUri(request.RequestUri!), session.NextNonceCount(), DigestScheme.NewClientNonce());

    private static Uri OriginOf(AuthenticationSide side) => new(ProtectionSpaces.OriginOf(side.Target));
}
