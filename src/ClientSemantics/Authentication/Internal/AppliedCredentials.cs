using System.Net.Http.Headers;

namespace ClientSemantics.Authentication;

/// <summary>
/// The header values this handler put on a request, kept in the request's options. A header we did not set was set
/// by the caller and is respected. Ours are removed each time the request passes again: an outer redirect may have
/// sent it to another origin, and credentials never cross an origin (RFC 9110 15.4, 11.6.2).
/// </summary>
internal sealed class AppliedCredentials
{
    private static readonly HttpRequestOptionsKey<AppliedCredentials> Key = new("ClientSemantics.Authentication.Applied");

    private string? _authorization;
    private string? _proxyAuthorization;

    public static AppliedCredentials For(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(Key, out var applied))
        {
            applied = new AppliedCredentials();
            request.Options.Set(Key, applied);
        }

        return applied;
    }

    /// <summary>True when this handler has put nothing on the request (no earlier pass, or nothing applied in it).</summary>
    public static bool NoneApplied(HttpRequestMessage request) =>
        !request.Options.TryGetValue(Key, out var applied) || (applied._authorization is null && applied._proxyAuthorization is null);

    /// <summary>True when the caller set the field: present, and not a value we set.</summary>
    public bool CallerSet(HttpRequestMessage request, bool proxy) =>
        (proxy ? request.Headers.ProxyAuthorization : request.Headers.Authorization) is { } header
        && header.ToString() != (proxy ? _proxyAuthorization : _authorization);

    /// <summary>Removes the values we set on an earlier pass; returns true when there was one.</summary>
    public bool RemoveOurs(HttpRequestMessage request)
    {
        var removed = false;
        if (_authorization is not null && request.Headers.Authorization?.ToString() == _authorization)
        {
            request.Headers.Authorization = null;
            removed = true;
        }

        if (_proxyAuthorization is not null && request.Headers.ProxyAuthorization?.ToString() == _proxyAuthorization)
        {
            request.Headers.ProxyAuthorization = null;
            removed = true;
        }

        _authorization = _proxyAuthorization = null;
        return removed;
    }

    public void Set(HttpRequestMessage request, bool proxy, string scheme, string parameter)
    {
        var header = new AuthenticationHeaderValue(scheme, parameter);
        if (proxy)
        {
            request.Headers.ProxyAuthorization = header;
            _proxyAuthorization = header.ToString();
        }
        else
        {
            request.Headers.Authorization = header;
            _authorization = header.ToString();
        }
    }
}
