using System.ComponentModel.DataAnnotations;

namespace Vrf.Services.FailureIndex;

/// <summary>The <c>IndexBuilds</c> configuration section: how the failure-index service's builder looks for work.</summary>
public sealed class IndexBuildOptions
{
    public const string Section = "IndexBuilds";

    /// <summary>How often an idle replica looks in the model store for builds it can take: asked for on another
    /// replica, or left by one that died mid-build.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(15);
}
