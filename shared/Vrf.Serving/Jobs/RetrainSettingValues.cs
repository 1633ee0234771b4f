using Vrf.Contracts;

namespace Vrf.Serving.Jobs;

/// <summary>
/// The training settings of a retrain, each null when left to its default: a request's overrides
/// (<see cref="Of"/>), or a job's settings with every default applied. <see cref="RetrainRules.SettingProblems"/>
/// checks both the same way.
/// </summary>
public sealed record RetrainSettingValues(
    FineTuningRecipe Recipe,
    int? Epochs,
    int? BatchSize,
    double? LearningRate,
    double? WeightDecay,
    int? WarmupSteps,
    double? GradientClipNorm,
    int? Seed,
    int? LinearProbeEpochs,
    double? LinearProbeLearningRate,
    int? CheckpointEverySteps)
{
    /// <summary>The settings a request overrides.</summary>
    public static RetrainSettingValues Of(RetrainModel request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Recipe, request.Epochs, request.BatchSize, request.LearningRate, request.WeightDecay, request.WarmupSteps,
            request.GradientClipNorm, request.Seed, request.LinearProbeEpochs, request.LinearProbeLearningRate, request.CheckpointEverySteps);
    }
}
