using Vrf.Contracts;

namespace Vrf.Training.Planning;

/// <summary>
/// The steps of a run: its stages, each of whole epochs of <c>ceil(images / batch size)</c> steps (the last batch of an
/// epoch may be smaller; none is dropped), and where any step falls.
/// </summary>
public sealed class TrainingPlan
{
    private TrainingPlan(IReadOnlyList<TrainingStage> stages, int imageCount, int batchSize)
    {
        Stages = stages;
        ImageCount = imageCount;
        BatchSize = batchSize;
    }

    public IReadOnlyList<TrainingStage> Stages { get; }

    /// <summary>The training images an epoch goes through.</summary>
    public int ImageCount { get; }

    public int BatchSize { get; }

    public long TotalSteps => Stages[^1].EndStep;

    /// <summary>The plan of <paramref name="settings"/> over <paramref name="imageCount"/> training images.</summary>
    public static TrainingPlan Create(FineTuningSettings settings, int imageCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageCount, 1);
        var stepsPerEpoch = (imageCount + (long)settings.BatchSize - 1) / settings.BatchSize;
        var stages = new List<TrainingStage>();
        void Add(string name, bool trainsEncoder, int epochs, double learningRate)
        {
            var steps = epochs * stepsPerEpoch;
            var first = stages.Count == 0 ? 0 : stages[^1].EndStep;
            stages.Add(new TrainingStage(name, stages.Count, trainsEncoder, epochs, stepsPerEpoch, learningRate,
                settings.WarmupSteps ?? CosineSchedule.DefaultWarmupSteps(steps), first));
        }
        switch (settings.Recipe)
        {
            case FineTuningRecipe.LinearProbe:
                Add(TrainingStages.LinearProbe, trainsEncoder: false, settings.Epochs, settings.LearningRate);
                break;
            case FineTuningRecipe.LinearProbeThenFineTune:
                Add(TrainingStages.LinearProbe, trainsEncoder: false, settings.LinearProbeEpochs, settings.LinearProbeLearningRate);
                Add(TrainingStages.FineTune, trainsEncoder: true, settings.Epochs, settings.LearningRate);
                break;
            default:
                Add(TrainingStages.FineTune, trainsEncoder: true, settings.Epochs, settings.LearningRate);
                break;
        }
        return new TrainingPlan(stages, imageCount, settings.BatchSize);
    }

    /// <summary>Where the run's step <paramref name="step"/> (from 0) falls.</summary>
    public StepPosition Locate(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, TotalSteps);
        var stage = Stages.First(s => step < s.EndStep);
        var inStage = step - stage.FirstStep;
        return new StepPosition(stage, (int)(inStage / stage.StepsPerEpoch), (int)(inStage % stage.StepsPerEpoch));
    }

    /// <summary>Whether any of the first <paramref name="steps"/> steps trained the image tower.</summary>
    public bool EncoderTrainedWithin(long steps) => Stages.Any(stage => stage.TrainsEncoder && stage.FirstStep < steps);
}
