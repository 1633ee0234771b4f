using Microsoft.Extensions.Logging;

namespace Vrf.ServiceDefaults;

internal static partial class MessageBusLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Message bus on {BusAddress}")]
    public static partial void UsingBus(ILogger logger, string busAddress);
}
