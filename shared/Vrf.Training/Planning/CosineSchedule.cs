namespace Vrf.Training.Planning;

/// <summary>
/// WiSE-FT's <c>cosine_lr</c>: a linear warm-up, <c>base · (step + 1) / warmup</c> for <c>step &lt; warmup</c>, then a
/// cosine decay <c>0.5 · (1 + cos(π · (step − warmup) / (total − warmup))) · base</c>; steps count from 0 within a stage.
/// </summary>
public static class CosineSchedule
{
    /// <summary>The longest warm-up the default gives.</summary>
    public const int MaxDefaultWarmupSteps = 500;

    /// <summary>The default warm-up of a stage: 500 steps, but at most a tenth of the stage (rounded down).</summary>
    public static int DefaultWarmupSteps(long stageSteps) => (int)Math.Min(MaxDefaultWarmupSteps, stageSteps / 10);

    /// <summary>The learning rate of step <paramref name="step"/> (from 0) of a stage of <paramref name="totalSteps"/> steps.</summary>
    public static double LearningRate(double baseRate, int warmupSteps, long totalSteps, long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, totalSteps);
        if (step < warmupSteps)
        {
            return baseRate * (step + 1) / warmupSteps;
        }
        var progress = (double)(step - warmupSteps) / (totalSteps - warmupSteps);
        return 0.5 * (1 + Math.Cos(Math.PI * progress)) * baseRate;
    }
}
