namespace ClientSemantics.Caching;

/// <summary>RFC 9211 Cache-Status values this cache writes, as constants so that a hit allocates no string.</summary>
internal static class CacheStatus
{
    public const string HeaderName = "Cache-Status";
    public const string Hit = "ClientSemantics; hit";
    public const string HitStale = "ClientSemantics; hit; detail=stale";
    public const string HitCollapsed = "ClientSemantics; hit; collapsed";
    public const string Miss = "ClientSemantics; fwd=miss";
    public const string MissStored = "ClientSemantics; fwd=miss; stored";
    public const string Bypass = "ClientSemantics; fwd=bypass";
    public const string OnlyIfCached = "ClientSemantics; fwd=miss; detail=only-if-cached";

    /// <summary>A response that went forward because the entry was stale or the request asked for validation.</summary>
    public static string Forwarded(string fwd, int status, bool stored) =>
        $"ClientSemantics; fwd={fwd}; fwd-status={status}{(stored ? "; stored" : string.Empty)}";

    public static string StaleOnError(int? status) =>
        status is int code ? $"ClientSemantics; fwd=stale; fwd-status={code}; detail=stale-if-error" : "ClientSemantics; fwd=stale; detail=stale-if-error";
}
