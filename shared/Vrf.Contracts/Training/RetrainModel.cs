namespace Vrf.Contracts;

/// <summary>Command: train a new version of a model. Consumed by the fine-tuning service, which answers with
/// <see cref="FineTuningProgressed"/> events and then <see cref="ModelTrained"/>, <see cref="FineTuningFailed"/> or
/// <see cref="FineTuningCancelled"/>. Every override left <c>null</c> takes the recipe's default.</summary>
/// <param name="JobId">Chosen by the client; every event of the job carries it.</param>
/// <param name="ModelName">The model to train a version of.</param>
/// <param name="BaseVersion">The version whose zero-shot encoder and head to start from; <c>null</c> for the current.</param>
/// <param name="TrainPath">The training images (a folder per class), as the fine-tuning service sees it.</param>
/// <param name="ValidationPath">Held-out in-distribution images, for temperatures and the weight's a and b.</param>
/// <param name="Recipe">How to fine-tune.</param>
/// <param name="Epochs">Passes over the training set (default 10).</param>
/// <param name="BatchSize">Images per optimisation step.</param>
/// <param name="LearningRate">AdamW peak learning rate (default 3e-5).</param>
/// <param name="WeightDecay">AdamW weight decay (default 0.1).</param>
/// <param name="WarmupSteps">Linear warm-up steps before the cosine schedule (default 500).</param>
/// <param name="GradientClipNorm">Gradient-norm clipping (default 1.0).</param>
/// <param name="Seed">Random seed, for a reproducible run.</param>
public sealed record RetrainModel(
    Guid JobId,
    string ModelName,
    int? BaseVersion,
    string TrainPath,
    string ValidationPath,
    FineTuningRecipe Recipe = FineTuningRecipe.EndToEnd,
    int? Epochs = null,
    int? BatchSize = null,
    double? LearningRate = null,
    double? WeightDecay = null,
    int? WarmupSteps = null,
    double? GradientClipNorm = null,
    int? Seed = null);
