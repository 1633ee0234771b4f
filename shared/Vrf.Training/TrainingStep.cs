namespace Vrf.Training;

/// <summary>One optimisation step done.</summary>
/// <param name="Stage"><see cref="TrainingStages.LinearProbe"/> or <see cref="TrainingStages.FineTune"/>.</param>
/// <param name="Epoch">The epoch within the stage, from 1.</param>
/// <param name="Step">Steps done so far over all stages, from 1.</param>
/// <param name="TotalSteps">Steps of the whole run.</param>
/// <param name="Loss">The step's mean cross-entropy over its images.</param>
/// <param name="LearningRate">The learning rate the step used.</param>
/// <param name="Images">Images in the step's batch.</param>
public sealed record TrainingStep(string Stage, int Epoch, long Step, long TotalSteps, double Loss, double LearningRate, int Images);
