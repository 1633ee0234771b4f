using Microsoft.Extensions.Logging;

namespace Vrf.Gateway;

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "No result for classify request {RequestId} (model {ModelName}) within {TimeoutSeconds} s")]
    public static partial void NoResultInTime(ILogger logger, Guid requestId, string modelName, double timeoutSeconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Classify request {RequestId} (model {ModelName}) failed in {Stage}: {Reason}")]
    public static partial void ClassificationFailed(ILogger logger, Guid requestId, string modelName, string stage, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Left the unreadable job record {Path} out of the job list: {Reason}")]
    public static partial void UnreadableJobRecord(ILogger logger, string path, string reason);
}
