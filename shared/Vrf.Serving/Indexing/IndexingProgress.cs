namespace Vrf.Serving.Indexing;

/// <summary>How far the index build of a model version is: a phase (see <see cref="IndexingPhases"/>) and its units done.</summary>
public sealed record IndexingProgress(string Phase, int Completed, int Total);

/// <summary>The phases of an index build, in order.</summary>
public static class IndexingPhases
{
    /// <summary>Both models over the training images (units: images).</summary>
    public const string TrainFeatures = "train-features";

    /// <summary>Selecting and storing the zero-shot failure set (one unit).</summary>
    public const string FailureSet = "failure-set";

    /// <summary>Both models over the validation images (units: images).</summary>
    public const string ValidationFeatures = "validation-features";

    /// <summary>Fitting T_zs and T_ft (two units).</summary>
    public const string Calibration = "calibration";

    /// <summary>Searching (a, b) and the OSE α (one unit).</summary>
    public const string WeightTuning = "weight-tuning";
}
