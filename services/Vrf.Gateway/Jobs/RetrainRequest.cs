using Vrf.Contracts;

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
    /// <summary>The recipes by the names the API and the CLI use.</summary>
    public static IReadOnlyDictionary<string, FineTuningRecipe> Recipes { get; } = new Dictionary<string, FineTuningRecipe>(StringComparer.OrdinalIgnoreCase)
    {
        ["end-to-end"] = FineTuningRecipe.EndToEnd,
        ["linear-probe"] = FineTuningRecipe.LinearProbe,
        ["lp-ft"] = FineTuningRecipe.LinearProbeThenFineTune,
    };

    /// <summary>What is wrong with the request on its face; null when nothing is.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(Model) ? "Give the model's name ('model')."
        : BaseVersion is < 1 ? "'baseVersion' must be a version number, 1 or more."
        : PathProblem("train", Train) ?? PathProblem("validation", Validation) ?? (Test is null ? null : PathProblem("test", Test))
          ?? (Recipe is not null && !Recipes.ContainsKey(Recipe) ? $"'recipe' must be end-to-end, linear-probe or lp-ft, not '{Recipe}'."
          : Epochs is < 1 ? "'epochs' must be at least 1."
          : BatchSize is < 1 ? "'batchSize' must be at least 1."
          : LearningRate is { } lr && !(lr > 0) ? "'learningRate' must be positive."
          : WeightDecay is < 0 ? "'weightDecay' must be 0 or more."
          : WarmupSteps is < 0 ? "'warmupSteps' must be 0 or more."
          : GradientClipNorm is { } clip && !(clip > 0) ? "'gradientClipNorm' must be positive."
          : Seed is < 0 ? "'seed' must be 0 or more."
          : LinearProbeEpochs is < 1 ? "'linearProbeEpochs' must be at least 1."
          : LinearProbeLearningRate is { } probeLr && !(probeLr > 0) ? "'linearProbeLearningRate' must be positive."
          : CheckpointEverySteps is < 1 ? "'checkpointEverySteps' must be at least 1."
          : null);

    /// <summary>The message this request becomes.</summary>
    public RetrainModel ToMessage(Guid jobId) => new(
        jobId, Model!, BaseVersion, Train!, Validation!,
        Recipe is null ? FineTuningRecipe.EndToEnd : Recipes[Recipe],
        Epochs, BatchSize, LearningRate, WeightDecay, WarmupSteps, GradientClipNorm, Seed, Test,
        LinearProbeEpochs, LinearProbeLearningRate, CheckpointEverySteps);

    private static string? PathProblem(string name, string? path) =>
        string.IsNullOrWhiteSpace(path) ? $"Give the '{name}' folder."
        : !Path.IsPathFullyQualified(path) ? $"'{name}' must be an absolute path, as the fine-tuning service sees it, not '{path}'."
        : null;
}
