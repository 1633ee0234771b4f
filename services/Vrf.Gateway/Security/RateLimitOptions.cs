namespace Vrf.Gateway.Security;

/// <summary>How many requests one caller may make in a window: <c>Gateway:RateLimits:Classify</c> or
/// <c>Gateway:RateLimits:Operate</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per window.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window's length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary><see cref="WindowSeconds"/> as a time span.</summary>
    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
