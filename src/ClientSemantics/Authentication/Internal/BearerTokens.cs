namespace ClientSemantics.Authentication;

/// <summary>
/// Bearer tokens of one client, per origin and realm. Concurrent requests share one call to the token source
/// (100 concurrent first calls ask it once); a token is asked for again only when the server rejected it.
/// </summary>
internal sealed class BearerTokens
{
    private readonly Dictionary<string, Task<string?>> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static string KeyOf(string origin, string? realm) => origin + " " + realm;

    /// <summary>
    /// The current token for <paramref name="key"/>, fetching one if there is none or if the current one is
    /// <paramref name="rejected"/>. Concurrent callers with the same rejected token trigger one refresh.
    /// </summary>
    public async ValueTask<string?> GetAsync(string key, IBearerTokenSource source, BearerTokenContext context, string? rejected, CancellationToken cancellationToken)
    {
        Task<string?> fetch;
        lock (_lock)
        {
            if (!_tokens.TryGetValue(key, out fetch!) || fetch.IsFaulted || fetch.IsCanceled || (fetch.IsCompletedSuccessfully && (fetch.Result is null || fetch.Result == rejected)))
            {
                // The shared fetch must not die with the first caller's cancellation: each caller waits with its own token.
                fetch = source.GetTokenAsync(context, CancellationToken.None).AsTask();
                _tokens[key] = fetch;
            }
        }

        return await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
