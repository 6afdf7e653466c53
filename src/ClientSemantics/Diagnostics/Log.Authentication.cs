using Microsoft.Extensions.Logging;

namespace ClientSemantics.Diagnostics;

/// <summary>Authentication messages (4xxx): scheme, realm-free reasons, host and path; never a credential, token or nonce.</summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Debug, "Authentication {Status} ({Scheme}) for {HostAndPath}: {Decision}, {Reason}", EventName = "AuthenticationDecided")]
    public static partial void AuthenticationDecided(ILogger logger, int status, string scheme, string decision, string reason, string hostAndPath);

    [LoggerMessage(4002, LogLevel.Debug, "Authentication {Scheme} (realm {Realm}) sent up front to {HostAndPath}", EventName = "AuthenticationPreemptive")]
    public static partial void AuthenticationPreemptive(ILogger logger, string scheme, string? realm, string hostAndPath);
}
