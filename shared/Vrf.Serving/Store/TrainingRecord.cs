namespace Vrf.Serving.Store;

/// <summary>How a version was trained by the fine-tuning service: the job, the version it started from, the recipe with
/// every setting resolved, and how it went.</summary>
/// <param name="JobId">The retrain job that wrote the version; a retry of the job finds its version by it.</param>
/// <param name="BaseVersion">The version of the same model whose zero-shot encoder and head training started from.</param>
/// <param name="Recipe"><c>end-to-end</c>, <c>linear-probe</c> or <c>linear-probe-then-fine-tune</c>.</param>
/// <param name="BatchSize">Images per optimisation step.</param>
/// <param name="WeightDecay">AdamW's decoupled weight decay, on every trained parameter.</param>
/// <param name="GradientClipNorm">The gradient-norm clipping threshold.</param>
/// <param name="Seed">The seed of the shuffles and augmentations.</param>
/// <param name="Stages">The stages run, in order (one, or a probe and then a fine-tuning stage).</param>
/// <param name="Steps">Optimisation steps over all stages.</param>
/// <param name="FinalLoss">The mean training loss of the last epoch.</param>
/// <param name="ValidationAccuracy">Top-1 accuracy of the fine-tuned classifier on the validation images, in [0, 1].</param>
public sealed record TrainingRecord(
    Guid JobId,
    int BaseVersion,
    string Recipe,
    int BatchSize,
    double WeightDecay,
    double GradientClipNorm,
    int Seed,
    IReadOnlyList<TrainingStageRecord> Stages,
    long Steps,
    double FinalLoss,
    double ValidationAccuracy,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt);
