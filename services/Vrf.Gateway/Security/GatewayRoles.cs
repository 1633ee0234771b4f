namespace Vrf.Gateway.Security;

/// <summary>The roles an API key or an issuer's token carries.</summary>
public static class GatewayRoles
{
    /// <summary>Classify images and read the models (and their drift).</summary>
    public const string Classify = "classify";

    /// <summary>Everything else: retrain, cancel jobs, promote and retire versions, read the jobs; it includes
    /// <see cref="Classify"/>.</summary>
    public const string Operate = "operate";

    /// <summary>Every role, as keys and tokens name them.</summary>
    public static IReadOnlyList<string> All { get; } = [Classify, Operate];
}
