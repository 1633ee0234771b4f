using System.ComponentModel.DataAnnotations;
using Vrf.Serving.Datasets;

namespace Vrf.Services.FineTuning;

/// <summary>The <c>FineTuning</c> configuration section, as far as the service's worker reads it: how it runs and reports
/// jobs (the trainer reads its own keys from the same section, such as <c>CheckpointEverySteps</c>).</summary>
public sealed class FineTuningWorkerOptions
{
    public const string Section = "FineTuning";

    /// <summary>How often a running job publishes <c>FineTuningProgressed</c> (and updates its record).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Jobs one replica trains at once; more replicas train more jobs.</summary>
    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>How often an idle replica looks for jobs it can take: accepted on another replica, or left by a
    /// worker that died.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a job may take its worker down with it (a crash, an out-of-memory kill) and still be resumed;
    /// one more and it fails with the reason, so a job that kills every worker does not loop forever.</summary>
    [Range(0, 1000)]
    public int MaxInterruptions { get; set; } = 3;

    /// <summary>The folders retrain requests may read images from (<c>FineTuning:DataRoots:N</c>); a request naming a
    /// folder outside them, with <c>..</c> or through a link that leads out, is refused. Empty: any folder this process
    /// can read (a service on a user's own machine).</summary>
    [AbsoluteFolders]
    public List<string> DataRoots { get; set; } = [];
}
