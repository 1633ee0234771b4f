namespace Vrf.ServiceDefaults;

/// <summary>Tags that put a health check into the liveness or the readiness probe.</summary>
public static class HealthCheckTags
{
    /// <summary>Checks that fail only when the process must be restarted (<c>/health/live</c>).</summary>
    public const string Live = "live";

    /// <summary>Checks that must pass before the service takes work (<c>/health/ready</c>); MassTransit tags its bus
    /// check with it.</summary>
    public const string Ready = "ready";
}
