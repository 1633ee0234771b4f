namespace Vrf.Training.Tests.Support;

/// <summary>Records what a run reports, and can act on a step (to cancel it, or to measure the process).</summary>
public sealed class RecordingObserver(Action<TrainingStep>? onStep = null) : ITrainingObserver
{
    public List<(long TotalSteps, long ResumedFromStep)> Starts { get; } = [];

    public List<TrainingStep> Steps { get; } = [];

    public List<long> Checkpoints { get; } = [];

    public void Started(long totalSteps, long resumedFromStep) => Starts.Add((totalSteps, resumedFromStep));

    public void Stepped(TrainingStep step)
    {
        Steps.Add(step);
        onStep?.Invoke(step);
    }

    public void CheckpointSaved(long step) => Checkpoints.Add(step);

    /// <summary>The mean loss of each epoch of a stage, in order.</summary>
    public IReadOnlyList<double> EpochLosses(string stage) =>
        [.. Steps.Where(s => s.Stage == stage).GroupBy(s => s.Epoch).OrderBy(g => g.Key).Select(g => g.Average(s => s.Loss))];
}
