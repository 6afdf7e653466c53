using Microsoft.Extensions.Logging;

namespace ClientSemantics.Diagnostics;

/// <summary>Backoff and Retry-After messages (5xxx). Host and path only.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Retrying {Method} {HostAndPath} after {Status} in {DelaySeconds} s: {Reason}", EventName = "RetryScheduled")]
    public static partial void RetryScheduled(ILogger logger, string method, string hostAndPath, int status, double delaySeconds, string reason);

    [LoggerMessage(5002, LogLevel.Information, "Returning {Status} for {Method} {HostAndPath} without a retry: {Reason}", EventName = "RetryGivenUp")]
    public static partial void RetryGivenUp(ILogger logger, string method, string hostAndPath, int status, string reason);

    [LoggerMessage(5003, LogLevel.Information, "Origin {Origin} paused by Retry-After for {DelaySeconds} s", EventName = "OriginPaused")]
    public static partial void OriginPaused(ILogger logger, string origin, double delaySeconds);

    [LoggerMessage(5004, LogLevel.Debug, "Waiting {DelaySeconds} s for the pause of {Origin} before {Method} {HostAndPath}", EventName = "PauseWait")]
    public static partial void PauseWait(ILogger logger, double delaySeconds, string origin, string method, string hostAndPath);

    [LoggerMessage(5005, LogLevel.Warning, "Refused {Method} {HostAndPath}: {Origin} is paused for {DelaySeconds} s, longer than the call may wait", EventName = "PauseRefused")]
    public static partial void PauseRefused(ILogger logger, string method, string hostAndPath, string origin, double delaySeconds);
}
