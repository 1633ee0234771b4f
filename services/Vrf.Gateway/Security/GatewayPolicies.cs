namespace Vrf.Gateway.Security;

/// <summary>
/// The gateway's authorization policies. An endpoint names <see cref="Classify"/> or is anonymous
/// (<c>AllowAnonymous</c>: the health probes and the OpenAPI document); every other endpoint falls under
/// <see cref="Operate"/>, the fallback policy, so a route added without a policy is an operator's.
/// </summary>
public static class GatewayPolicies
{
    /// <summary>Classify images, read models and drift: the role <c>classify</c> or <c>operate</c>.</summary>
    public const string Classify = "classify";

    /// <summary>Everything else: the role <c>operate</c>.</summary>
    public const string Operate = "operate";
}
