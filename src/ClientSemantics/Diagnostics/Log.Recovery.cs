using Microsoft.Extensions.Logging;

namespace ClientSemantics.Diagnostics;

/// <summary>Recovery (one-time repeats) and caller outcomes: event ids 6xxx.</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Repeating {Method} {HostAndPath} once after {StatusCode}: {Reason}", EventName = "RecoveryRepeat")]
    public static partial void RecoveryRepeat(ILogger logger, string method, string hostAndPath, int statusCode, string reason);

    [LoggerMessage(6002, LogLevel.Debug, "Returning {StatusCode} for {Method} {HostAndPath}: {Reason}", EventName = "RecoveryReturn")]
    public static partial void RecoveryReturn(ILogger logger, string method, string hostAndPath, int statusCode, string reason);
}
