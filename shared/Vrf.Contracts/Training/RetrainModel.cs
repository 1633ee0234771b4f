namespace Vrf.Contracts;

/// <summary>Command: train a new version of a model. Consumed by the fine-tuning service, which records the job,
/// answers with <see cref="FineTuningStarted"/> and <see cref="FineTuningProgressed"/> events and then
/// <see cref="ModelTrained"/>, <see cref="FineTuningFailed"/> or <see cref="FineTuningCancelled"/>. Every override left
/// <c>null</c> takes the recipe's default (WiSE-FT's, see the design).</summary>
/// <param name="JobId">Chosen by the client; every event of the job carries it.</param>
/// <param name="ModelName">The model to train a version of.</param>
/// <param name="BaseVersion">The version whose zero-shot encoder and head to start from; <c>null</c> for the current.</param>
/// <param name="TrainPath">The training images (a folder per class), as the fine-tuning service sees it.</param>
/// <param name="ValidationPath">Held-out in-distribution images, for temperatures and the weight's a and b.</param>
/// <param name="Recipe">How to fine-tune.</param>
/// <param name="Epochs">Passes over the training set (default 10); for <see cref="FineTuningRecipe.LinearProbeThenFineTune"/>,
/// those of the fine-tuning stage.</param>
/// <param name="BatchSize">Images per optimisation step (default 32).</param>
/// <param name="LearningRate">AdamW peak learning rate (default 3e-5; 1e-3 for a linear probe).</param>
/// <param name="WeightDecay">AdamW weight decay (default 0.1).</param>
/// <param name="WarmupSteps">Linear warm-up steps before the cosine schedule (default 500, at most a tenth of the run).</param>
/// <param name="GradientClipNorm">Gradient-norm clipping (default 1.0).</param>
/// <param name="Seed">Random seed (default 0): the same seed, data and settings give the same weights.</param>
/// <param name="TestPath">In-distribution test images, recorded in the new version for <c>vrf eval</c>; optional.</param>
/// <param name="LinearProbeEpochs">Epochs of the probe stage of <see cref="FineTuningRecipe.LinearProbeThenFineTune"/>.</param>
/// <param name="LinearProbeLearningRate">Learning rate of that probe stage.</param>
/// <param name="CheckpointEverySteps">How often the job saves a checkpoint it can resume from after a crash.</param>
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
    int? Seed = null,
    string? TestPath = null,
    int? LinearProbeEpochs = null,
    double? LinearProbeLearningRate = null,
    int? CheckpointEverySteps = null);
