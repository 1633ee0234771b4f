using Vrf.Serving.Store;

namespace Vrf.Training;

/// <summary>A retrain job as the trainer needs it, the base version already resolved.</summary>
/// <param name="JobId">The client's job id: checkpoints and the written version are tied to it.</param>
/// <param name="BaseVersion">The version whose zero-shot model and head training starts from; the new version is
/// the next version of the same model.</param>
/// <param name="TrainPath">The training images, a folder per class of the base version.</param>
/// <param name="ValidationPath">Held-out in-distribution images: the fine-tuned classifier's accuracy is measured on them
/// and the index build calibrates on them.</param>
/// <param name="TestPath">In-distribution test images recorded in the new version; optional.</param>
public sealed record FineTuningJob(
    Guid JobId,
    ModelVersionId BaseVersion,
    string TrainPath,
    string ValidationPath,
    string? TestPath,
    FineTuningSettings Settings);
