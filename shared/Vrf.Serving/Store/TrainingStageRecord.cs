namespace Vrf.Serving.Store;

/// <summary>One stage of a training run with its resolved schedule.</summary>
/// <param name="Name"><c>linear-probe</c> (head only, encoder frozen) or <c>fine-tune</c> (encoder and head).</param>
/// <param name="LearningRate">The peak learning rate of the stage's cosine schedule.</param>
/// <param name="WarmupSteps">The linear warm-up steps before the cosine decay.</param>
/// <param name="Steps">The stage's optimisation steps: epochs times steps per epoch.</param>
public sealed record TrainingStageRecord(string Name, int Epochs, double LearningRate, int WarmupSteps, long Steps);
