using Microsoft.Extensions.Logging;

namespace ClientSemantics.Diagnostics;

/// <summary>Cache messages, event ids 3xxx. Host and path only.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Debug, "Cache {Result} for {HostAndPath}: {Reason}", EventName = "CacheDecision")]
    public static partial void CacheDecision(ILogger logger, string result, string hostAndPath, string reason);

    [LoggerMessage(3002, LogLevel.Debug, "Cache stored {Status} for {HostAndPath} ({Bytes} bytes)", EventName = "CacheStored")]
    public static partial void CacheStored(ILogger logger, int status, string hostAndPath, int bytes);

    [LoggerMessage(3003, LogLevel.Debug, "Cache invalidated {HostAndPath} after {Method}", EventName = "CacheInvalidated")]
    public static partial void CacheInvalidated(ILogger logger, string hostAndPath, string method);

    [LoggerMessage(3004, LogLevel.Warning, "Background revalidation of {HostAndPath} failed", EventName = "CacheBackgroundRevalidationFailed")]
    public static partial void CacheBackgroundRevalidationFailed(ILogger logger, string hostAndPath, Exception exception);
}
