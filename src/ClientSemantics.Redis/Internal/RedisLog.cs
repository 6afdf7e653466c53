using Microsoft.Extensions.Logging;

namespace ClientSemantics.Redis;

/// <summary>Log messages of the Redis stores (event ids 7xxx). Key names are hashes; no URI or credential is logged.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(7001, LogLevel.Debug, "Redis call for client {Client} failed ({ErrorType}: {Error}); answering from local state.")]
    public static partial void CallFailed(ILogger logger, string client, string errorType, string error);

    [LoggerMessage(7002, LogLevel.Warning, "Redis failed repeatedly for client {Client}: skipping it for {Seconds} s and answering from local state.")]
    public static partial void BreakerOpened(ILogger logger, string client, double seconds);

    [LoggerMessage(7003, LogLevel.Information, "Redis connection of client {Client} restored: local copies dropped.")]
    public static partial void Reconnected(ILogger logger, string client);

    [LoggerMessage(7004, LogLevel.Warning, "Unreadable {Kind} entry in Redis for client {Client}: treated as a miss and deleted.")]
    public static partial void CorruptEntry(ILogger logger, string client, string kind);
}
