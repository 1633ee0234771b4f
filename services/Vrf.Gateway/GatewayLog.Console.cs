using Microsoft.Extensions.Logging;

namespace Vrf.Gateway;

/// <summary>The log messages of what the gateway serves the web console (event ids from 101).</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Left the unreadable evaluation record of {Model} out of its description: {Reason}")]
    public static partial void UnreadableEvaluationRecord(ILogger logger, string model, string reason);
}
