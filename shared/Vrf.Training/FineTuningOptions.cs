using System.ComponentModel.DataAnnotations;

namespace Vrf.Training;

/// <summary>The <c>FineTuning</c> configuration section. The device is the <c>Inference</c> section's.</summary>
public sealed class FineTuningOptions
{
    public const string Section = "FineTuning";

    /// <summary>Steps between checkpoints when a retrain request gives no interval of its own.</summary>
    [Range(1, int.MaxValue)]
    public int CheckpointEverySteps { get; set; } = 100;
}
