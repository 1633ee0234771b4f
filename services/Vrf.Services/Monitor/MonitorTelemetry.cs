namespace Vrf.Services.Monitor;

/// <summary>The monitor's meter (it has no spans of its own: MassTransit traces its messages).</summary>
public static class MonitorTelemetry
{
    public const string SourceName = "Vrf.Monitor";
}
