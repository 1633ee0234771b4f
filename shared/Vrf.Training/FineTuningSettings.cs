using Vrf.Contracts;
using Vrf.Serving.Jobs;

namespace Vrf.Training;

/// <summary>The settings of one job with every default applied (WiSE-FT's recipe, see the design).</summary>
/// <param name="Recipe">How to fine-tune.</param>
/// <param name="Epochs">Passes over the training set; for <see cref="FineTuningRecipe.LinearProbeThenFineTune"/>, those of
/// the fine-tuning stage.</param>
/// <param name="BatchSize">Images per optimisation step.</param>
/// <param name="LearningRate">AdamW's peak learning rate: 3e-5 end to end, 1e-3 for a linear probe, 3e-6 for the
/// fine-tuning stage of LP-FT (a tenth of the end-to-end rate) unless given.</param>
/// <param name="WeightDecay">AdamW's decoupled weight decay, on every trained parameter.</param>
/// <param name="WarmupSteps">Linear warm-up steps of every stage; <c>null</c>: min(500, a tenth of the stage's steps),
/// resolved when the run is planned.</param>
/// <param name="GradientClipNorm">The largest gradient norm (over every trained parameter) a step applies.</param>
/// <param name="Seed">Seeds the shuffles and augmentations.</param>
/// <param name="LinearProbeEpochs">Epochs of the probe stage of <see cref="FineTuningRecipe.LinearProbeThenFineTune"/>.</param>
/// <param name="LinearProbeLearningRate">Peak learning rate of that probe stage.</param>
/// <param name="CheckpointEverySteps">Steps between checkpoints.</param>
public sealed record FineTuningSettings(
    FineTuningRecipe Recipe,
    int Epochs,
    int BatchSize,
    double LearningRate,
    double WeightDecay,
    int? WarmupSteps,
    double GradientClipNorm,
    int Seed,
    int LinearProbeEpochs,
    double LinearProbeLearningRate,
    int CheckpointEverySteps)
{
    public const int DefaultEpochs = 10;
    public const int DefaultBatchSize = 32;
    public const double DefaultLearningRate = 3e-5;
    public const double DefaultLinearProbeLearningRate = 1e-3;
    public const double DefaultWeightDecay = 0.1;
    public const double DefaultGradientClipNorm = 1.0;
    public const int DefaultSeed = 0;
    public const int DefaultLinearProbeEpochs = 10;

    /// <summary>The fine-tuning stage of LP-FT starts from a trained head, at a tenth of the end-to-end rate.</summary>
    public const double DefaultLinearProbeThenFineTuneLearningRate = DefaultLearningRate / 10;

    /// <summary>How many times the job goes over its training images: the epochs of every stage it runs.</summary>
    public int EpochsOverTrainingImages => Recipe == FineTuningRecipe.LinearProbeThenFineTune ? LinearProbeEpochs + Epochs : Epochs;

    /// <summary>The settings a retrain request asks for, every override left <c>null</c> taking its default.</summary>
    /// <param name="defaultCheckpointEverySteps">The service's checkpoint interval, used when the request gives none.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names each one.</exception>
    public static FineTuningSettings From(RetrainModel request, int defaultCheckpointEverySteps)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = new FineTuningSettings(
            request.Recipe,
            request.Epochs ?? DefaultEpochs,
            request.BatchSize ?? DefaultBatchSize,
            request.LearningRate ?? request.Recipe switch
            {
                FineTuningRecipe.LinearProbe => DefaultLinearProbeLearningRate,
                FineTuningRecipe.LinearProbeThenFineTune => DefaultLinearProbeThenFineTuneLearningRate,
                _ => DefaultLearningRate,
            },
            request.WeightDecay ?? DefaultWeightDecay,
            request.WarmupSteps,
            request.GradientClipNorm ?? DefaultGradientClipNorm,
            request.Seed ?? DefaultSeed,
            request.LinearProbeEpochs ?? DefaultLinearProbeEpochs,
            request.LinearProbeLearningRate ?? DefaultLinearProbeLearningRate,
            request.CheckpointEverySteps ?? defaultCheckpointEverySteps);
        settings.Validate();
        return settings;
    }

    /// <exception cref="ArgumentException">A setting is out of range (<see cref="RetrainRules.SettingProblems"/>); the
    /// message names each one.</exception>
    public void Validate()
    {
        var problems = RetrainRules.SettingProblems(new RetrainSettingValues(Recipe, Epochs, BatchSize, LearningRate, WeightDecay,
            WarmupSteps, GradientClipNorm, Seed, LinearProbeEpochs, LinearProbeLearningRate, CheckpointEverySteps));
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The fine-tuning settings cannot be used: {string.Join("; ", problems)}.");
        }
    }
}
