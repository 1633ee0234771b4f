namespace Vrf.Gateway.Security;

/// <summary>The two budgets every caller has (<c>Gateway:RateLimits</c>): one for classifying and reading models, one for
/// everything else.</summary>
public sealed class GatewayRateLimitOptions
{
    /// <summary>Classify requests and model reads per caller: 600 a minute unless configured.</summary>
    public RateLimitOptions Classify { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Every other request per caller: 60 a minute unless configured.</summary>
    public RateLimitOptions Operate { get; set; } = new() { PermitLimit = 60 };
}
