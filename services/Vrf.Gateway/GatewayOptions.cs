using System.ComponentModel.DataAnnotations;

namespace Vrf.Gateway;

/// <summary>The gateway's settings: configuration section <c>Gateway</c>, validated at start-up.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Gateway";

    /// <summary>How long <c>POST /v1/classify</c> waits for the pipeline's result before it answers 504.</summary>
    [Range(0.1, 3600)]
    public double ClassifyTimeoutSeconds { get; set; } = 30;

    /// <summary>The largest image <c>POST /v1/classify</c> takes; a larger one is answered 413.</summary>
    [Range(typeof(long), "1", "1073741824")]
    public long MaxImageBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>How long <c>GET /v1/models/{name}/drift</c> waits for the monitor service before it answers 503.</summary>
    [Range(0.1, 3600)]
    public double DriftTimeoutSeconds { get; set; } = 10;

    /// <summary><see cref="ClassifyTimeoutSeconds"/> as a time span.</summary>
    public TimeSpan ClassifyTimeout => TimeSpan.FromSeconds(ClassifyTimeoutSeconds);

    /// <summary><see cref="DriftTimeoutSeconds"/> as a time span.</summary>
    public TimeSpan DriftTimeout => TimeSpan.FromSeconds(DriftTimeoutSeconds);
}
