using Microsoft.Extensions.Logging;

namespace ClientSemantics.Diagnostics;

/// <summary>Redirect messages, event ids 2xxx. Host and path only.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Debug, "Redirect {StatusCode} from {Source} followed to {Target}", EventName = "RedirectFollowed")]
    public static partial void RedirectFollowed(ILogger logger, int statusCode, string source, string target);

    [LoggerMessage(2002, LogLevel.Information, "Redirect {StatusCode} from {Source} returned to the caller: {Reason}", EventName = "RedirectStopped")]
    public static partial void RedirectStopped(ILogger logger, int statusCode, string source, string reason);

    [LoggerMessage(2003, LogLevel.Debug, "Remembered permanent redirect used: {Source} goes straight to {Target}", EventName = "PermanentRedirectUsed")]
    public static partial void PermanentRedirectUsed(ILogger logger, string source, string target);

    [LoggerMessage(2004, LogLevel.Debug, "Permanent redirect from {Source} to {Target} remembered until {ExpiresAt:O}", EventName = "PermanentRedirectRemembered")]
    public static partial void PermanentRedirectRemembered(ILogger logger, string source, string target, DateTimeOffset expiresAt);

    [LoggerMessage(2005, LogLevel.Information, "Remembered permanent redirect from {Source} forgotten: {Reason}", EventName = "PermanentRedirectForgotten")]
    public static partial void PermanentRedirectForgotten(ILogger logger, string source, string reason);
}
