namespace ClientSemantics;

/// <summary>Per-request switches for the response cache.</summary>
public static class CacheRequestExtensions
{
    internal static readonly HttpRequestOptionsKey<bool> BypassKey = new("ClientSemantics.Cache.Bypass");

    /// <summary>Sends this one request past the cache: nothing is looked up, stored or invalidated for it.</summary>
    /// <returns>The same request, for chaining.</returns>
    public static HttpRequestMessage BypassCache(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(BypassKey, true);
        return request;
    }

    internal static bool IsCacheBypassed(this HttpRequestMessage request) =>
        request.Options.TryGetValue(BypassKey, out var bypass) && bypass;
}
