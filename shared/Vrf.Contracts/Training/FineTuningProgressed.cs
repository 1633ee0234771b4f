namespace Vrf.Contracts;

/// <summary>Event: a retrain job's progress, published every few optimisation steps.</summary>
/// <param name="JobId">The job.</param>
/// <param name="ModelName">The model being trained.</param>
/// <param name="Stage">The recipe's stage: <c>fine-tune</c>, or <c>linear-probe</c> (a linear probe, and the first stage of
/// lp-ft).</param>
/// <param name="Epoch">The current epoch of the stage, from 1.</param>
/// <param name="Step">Optimisation steps done so far, over all epochs.</param>
/// <param name="TotalSteps">Optimisation steps the job will take.</param>
/// <param name="Loss">Training loss, averaged since the previous event.</param>
/// <param name="LearningRate">The learning rate at <paramref name="Step"/>.</param>
/// <param name="ImagesPerSecond">Training throughput since the previous event.</param>
/// <param name="Eta">Estimated time to completion; <c>null</c> until it can be estimated.</param>
public sealed record FineTuningProgressed(
    Guid JobId,
    string ModelName,
    string Stage,
    int Epoch,
    long Step,
    long TotalSteps,
    double Loss,
    double LearningRate,
    double ImagesPerSecond,
    TimeSpan? Eta);
