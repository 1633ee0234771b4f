using System.ComponentModel.DataAnnotations;

namespace Vrf.Gateway.Events;

/// <summary>The <c>Gateway:Events</c> section: how much of the event stream a gateway keeps for consoles that connect
/// later (a job's loss curve from its start) or reconnect (nothing missed in between).</summary>
public sealed class LiveEventOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Events";

    /// <summary>How many of the latest events a new stream starts with.</summary>
    [Range(0, 1_000_000)]
    public int Retained { get; set; } = 5000;

    /// <summary>How many events a stream may fall behind before it is closed (the console reconnects from the last
    /// event it read).</summary>
    [Range(1, 1_000_000)]
    public int MaxBacklog { get; set; } = 1000;
}
