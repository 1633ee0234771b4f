using System.Text.Json;
using Vrf.Contracts;
using Vrf.Serving.Jobs;

namespace Vrf.Gateway.Jobs;

/// <summary>The body of <c>POST /v1/retrain</c>: which model to train a new version of, on which images, and any
/// training setting to change from the recipe's default.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="BaseVersion">The version to start from; the current one when left out.</param>
/// <param name="Train">The training images' folder (one sub-folder per class), as the fine-tuning service sees it (absolute).</param>
/// <param name="Validation">The held-out validation images' folder, likewise.</param>
/// <param name="Test">In-distribution test images, recorded in the new version; optional.</param>
/// <param name="Recipe">end-to-end (default), linear-probe or lp-ft.</param>
/// <param name="Epochs">Passes over the training set (default 10).</param>
/// <param name="BatchSize">Images per optimisation step (default 32).</param>
/// <param name="LearningRate">Peak learning rate (default 3e-5; 1e-3 for a linear probe).</param>
/// <param name="WeightDecay">AdamW weight decay (default 0.1).</param>
/// <param name="WarmupSteps">Linear warm-up steps (default min(500, a tenth of the run)).</param>
/// <param name="GradientClipNorm">Gradient-norm clipping (default 1.0).</param>
/// <param name="Seed">Random seed (default 0).</param>
/// <param name="LinearProbeEpochs">Epochs of lp-ft's probe stage.</param>
/// <param name="LinearProbeLearningRate">Learning rate of lp-ft's probe stage.</param>
/// <param name="CheckpointEverySteps">Steps between the checkpoints a resumed job starts from.</param>
public sealed record RetrainRequest(
    string? Model,
    int? BaseVersion,
    string? Train,
    string? Validation,
    string? Test = null,
    string? Recipe = null,
    int? Epochs = null,
    int? BatchSize = null,
    double? LearningRate = null,
    double? WeightDecay = null,
    int? WarmupSteps = null,
    double? GradientClipNorm = null,
    int? Seed = null,
    int? LinearProbeEpochs = null,
    double? LinearProbeLearningRate = null,
    int? CheckpointEverySteps = null)
{
    /// <summary>
    /// What is wrong with the request on its face, in the API's words (the recipe's name, then
    /// <see cref="RetrainRules"/> for the message it becomes); null when nothing is.
    /// </summary>
    public string? Problem()
    {
        if (Recipe is not null && !FineTuningRecipeNames.TryParse(Recipe, out _))
        {
            return $"'recipe' must be {FineTuningRecipeNames.Choices}, not '{Recipe}'.";
        }
        return RetrainRules.Problems(ToMessage(Guid.NewGuid())) is [var problem, ..] ? $"'{FieldOf(problem.Setting)}' {problem.Requirement}." : null;
    }

    /// <summary>The message this request becomes (its recipe's name known, see <see cref="Problem"/>).</summary>
    public RetrainModel ToMessage(Guid jobId) => new(
        jobId, Model!, BaseVersion, Train!, Validation!,
        Recipe is not null && FineTuningRecipeNames.TryParse(Recipe, out var recipe) ? recipe : FineTuningRecipe.EndToEnd,
        Epochs, BatchSize, LearningRate, WeightDecay, WarmupSteps, GradientClipNorm, Seed, Test,
        LinearProbeEpochs, LinearProbeLearningRate, CheckpointEverySteps);

    /// <summary>The body's name of a <see cref="RetrainModel"/> property.</summary>
    private static string FieldOf(string setting) => setting switch
    {
        nameof(RetrainModel.ModelName) => "model",
        nameof(RetrainModel.TrainPath) => "train",
        nameof(RetrainModel.ValidationPath) => "validation",
        nameof(RetrainModel.TestPath) => "test",
        _ => JsonNamingPolicy.CamelCase.ConvertName(setting),
    };
}
