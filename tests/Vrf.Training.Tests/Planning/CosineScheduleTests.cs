using Vrf.Contracts;
using Vrf.Training.Planning;

namespace Vrf.Training.Tests.Planning;

public sealed class CosineScheduleTests
{
    [Fact]
    public void Warm_up_rises_linearly_to_the_base_rate_over_its_steps()
    {
        Assert.Equal(3e-5 * 1 / 4, CosineSchedule.LearningRate(3e-5, 4, 20, 0));
        Assert.Equal(3e-5 * 2 / 4, CosineSchedule.LearningRate(3e-5, 4, 20, 1));
        Assert.Equal(3e-5 * 4 / 4, CosineSchedule.LearningRate(3e-5, 4, 20, 3));
    }

    [Fact]
    public void After_warm_up_the_rate_follows_a_half_cosine_from_the_base_rate_towards_zero()
    {
        Assert.Equal(1e-3, CosineSchedule.LearningRate(1e-3, 4, 20, 4));
        Assert.Equal(0.5 * (1 + Math.Cos(Math.PI * 8 / 16)) * 1e-3, CosineSchedule.LearningRate(1e-3, 4, 20, 12));
        Assert.Equal(0.5 * (1 + Math.Cos(Math.PI * 15 / 16)) * 1e-3, CosineSchedule.LearningRate(1e-3, 4, 20, 19));
        Assert.Equal(0.5e-3, CosineSchedule.LearningRate(1e-3, 0, 10, 5), 15);
    }

    [Fact]
    public void The_default_warm_up_is_500_steps_but_at_most_a_tenth_of_the_stage()
    {
        Assert.Equal(500, CosineSchedule.DefaultWarmupSteps(100_000));
        Assert.Equal(500, CosineSchedule.DefaultWarmupSteps(5_000));
        Assert.Equal(49, CosineSchedule.DefaultWarmupSteps(499));
        Assert.Equal(0, CosineSchedule.DefaultWarmupSteps(9));
    }

    [Fact]
    public void An_epoch_has_a_step_per_started_batch_and_no_batch_is_dropped()
    {
        var plan = TrainingPlan.Create(Settings(FineTuningRecipe.EndToEnd, epochs: 3, batchSize: 4), imageCount: 18);

        var stage = Assert.Single(plan.Stages);
        Assert.Equal((TrainingStages.FineTune, true, 5L, 15L, 1), (stage.Name, stage.TrainsEncoder, stage.StepsPerEpoch, plan.TotalSteps, stage.WarmupSteps));
        Assert.Equal(new StepPosition(stage, 1, 2), plan.Locate(7));
    }

    [Fact]
    public void Linear_probe_then_fine_tune_plans_a_probe_stage_then_a_fine_tuning_stage_each_with_its_own_schedule()
    {
        var plan = TrainingPlan.Create(Settings(FineTuningRecipe.LinearProbeThenFineTune, epochs: 2, batchSize: 10, linearProbeEpochs: 3), imageCount: 100);

        Assert.Collection(plan.Stages,
            probe => Assert.Equal((TrainingStages.LinearProbe, false, 0L, 30L, 1e-3, 3), (probe.Name, probe.TrainsEncoder, probe.FirstStep, probe.Steps, probe.LearningRate, probe.WarmupSteps)),
            fineTune => Assert.Equal((TrainingStages.FineTune, true, 30L, 20L, 3e-6, 2), (fineTune.Name, fineTune.TrainsEncoder, fineTune.FirstStep, fineTune.Steps, fineTune.LearningRate, fineTune.WarmupSteps)));
        Assert.Equal(3e-6 / 2, plan.Stages[1].LearningRateAt(30));
        Assert.False(plan.EncoderTrainedWithin(30));
        Assert.True(plan.EncoderTrainedWithin(31));
    }

    private static FineTuningSettings Settings(FineTuningRecipe recipe, int epochs, int batchSize, int? linearProbeEpochs = null) =>
        FineTuningSettings.From(new RetrainModel(Guid.NewGuid(), "m", null, "train", "val", recipe, Epochs: epochs, BatchSize: batchSize,
            LinearProbeEpochs: linearProbeEpochs), defaultCheckpointEverySteps: 100);
}
