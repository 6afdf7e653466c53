using Microsoft.Extensions.Logging;

namespace ClientSemantics.Diagnostics;

/// <summary>
/// Source-generated log messages. Event ids: 1xxx pipeline, 2xxx redirects, 3xxx cache, 4xxx authentication,
/// 5xxx retry, 6xxx recovery. Each obligation keeps its messages in its own <c>Log.*.cs</c> file.
/// Messages carry host and path only, never a query string or a credential.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "ClientSemantics pipeline for client '{ClientName}': {Handlers}", EventName = "PipelineBuilt")]
    public static partial void PipelineBuilt(ILogger logger, string clientName, string handlers);
}
