namespace Vrf.Training.Planning;

/// <summary>One stage of a run: what it trains and its schedule.</summary>
/// <param name="Name"><see cref="TrainingStages.LinearProbe"/> or <see cref="TrainingStages.FineTune"/>.</param>
/// <param name="Index">The stage's place in the run, from 0.</param>
/// <param name="TrainsEncoder">Whether the image tower is trained with the head (otherwise it is frozen).</param>
/// <param name="FirstStep">The run's step index (from 0) of the stage's first step.</param>
public sealed record TrainingStage(string Name, int Index, bool TrainsEncoder, int Epochs, long StepsPerEpoch, double LearningRate,
    int WarmupSteps, long FirstStep)
{
    public long Steps => Epochs * StepsPerEpoch;

    /// <summary>The run's step index one past the stage's last step.</summary>
    public long EndStep => FirstStep + Steps;

    /// <summary>The learning rate of the run's step <paramref name="step"/> (from 0), which must be in this stage.</summary>
    public double LearningRateAt(long step) => CosineSchedule.LearningRate(LearningRate, WarmupSteps, Steps, step - FirstStep);
}
