namespace ClientSemantics;

/// <summary>
/// Supplies Bearer tokens (RFC 6750) for one client: set it on <see cref="AuthenticationOptions.BearerTokenSource"/>.
/// Concurrent requests that need a token for the same origin and realm share one call.
/// </summary>
public interface IBearerTokenSource
{
    /// <summary>Returns a token for <see cref="BearerTokenContext.Origin"/>, or <see langword="null"/> to return the 401 to the caller.</summary>
    ValueTask<string?> GetTokenAsync(BearerTokenContext context, CancellationToken cancellationToken);
}
