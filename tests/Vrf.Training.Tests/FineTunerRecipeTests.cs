using Vrf.Clip;
using Vrf.Contracts;
using Vrf.Encoders.ZeroShot;
using Vrf.Training.Tests.Support;

namespace Vrf.Training.Tests;

public sealed class FineTunerRecipeTests(TrainingWorkspace workspace)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task End_to_end_fine_tuning_changes_the_image_tower_and_the_head_but_not_the_text_tower()
    {
        var observer = new RecordingObserver();

        var outcome = await workspace.NewFineTuner().RunAsync(workspace.Job(FineTuningRecipe.EndToEnd, learningRate: 1e-4),
            workspace.NewFolder(), observer, Cancellation);

        var trained = Path.Combine(outcome.Bundle.FineTunedModelFolder, ClipModelFolder.WeightsFileName);
        var zeroShot = Path.Combine(workspace.BaseBundle.ZeroShotModelFolder, ClipModelFolder.WeightsFileName);
        Assert.True(Weights.MaxAbsDifference(trained, zeroShot, Weights.IsTower) > 1e-4);
        Assert.Equal(0, Weights.MaxAbsDifference(trained, zeroShot, Weights.IsTextTower));
        Assert.True(HeadChange(outcome.Bundle.FineTunedHeadPath) > 1e-4);
        Assert.Equal(10, observer.Steps.Count);
        Assert.All(observer.Steps, step => Assert.Equal(TrainingStages.FineTune, step.Stage));
    }

    [Fact]
    public async Task A_linear_probe_trains_the_head_alone_and_leaves_the_image_tower_as_the_base_version_s()
    {
        var outcome = await workspace.NewFineTuner().RunAsync(workspace.Job(FineTuningRecipe.LinearProbe), workspace.NewFolder(), null, Cancellation);

        var trained = Path.Combine(outcome.Bundle.FineTunedModelFolder, ClipModelFolder.WeightsFileName);
        var zeroShot = Path.Combine(workspace.BaseBundle.ZeroShotModelFolder, ClipModelFolder.WeightsFileName);
        Assert.Equal(0, Weights.MaxAbsDifference(trained, zeroShot, _ => true));
        Assert.True(HeadChange(outcome.Bundle.FineTunedHeadPath) > 1e-4);
    }

    [Fact]
    public async Task Linear_probe_then_fine_tune_probes_first_then_trains_the_tower_at_its_own_rate()
    {
        var observer = new RecordingObserver();

        var outcome = await workspace.NewFineTuner().RunAsync(
            workspace.Job(FineTuningRecipe.LinearProbeThenFineTune, epochs: 1, linearProbeEpochs: 2), workspace.NewFolder(), observer, Cancellation);

        Assert.Equal([.. Enumerable.Repeat(TrainingStages.LinearProbe, 10), .. Enumerable.Repeat(TrainingStages.FineTune, 5)],
            observer.Steps.Select(step => step.Stage));
        Assert.Equal(Enumerable.Range(1, 15).Select(step => (long)step), observer.Steps.Select(step => step.Step));
        Assert.Equal(1e-3 * 0.5 * (1 + Math.Cos(Math.PI * 0 / 9)), observer.Steps[1].LearningRate, 12);
        Assert.Equal(3e-6 * 0.5 * (1 + Math.Cos(Math.PI * 4 / 5)), observer.Steps[14].LearningRate, 15);
        var trained = Path.Combine(outcome.Bundle.FineTunedModelFolder, ClipModelFolder.WeightsFileName);
        var zeroShot = Path.Combine(workspace.BaseBundle.ZeroShotModelFolder, ClipModelFolder.WeightsFileName);
        Assert.True(Weights.MaxAbsDifference(trained, zeroShot, Weights.IsTower) > 0);
        Assert.Equal(["linear-probe", "fine-tune"], outcome.Bundle.Manifest.Training!.Stages.Select(stage => stage.Name));
    }

    [Fact]
    public async Task The_training_loss_falls_over_a_few_epochs_on_the_tiny_dataset()
    {
        var observer = new RecordingObserver();

        await workspace.NewFineTuner().RunAsync(workspace.Job(FineTuningRecipe.EndToEnd, epochs: 6, learningRate: 1e-3, warmupSteps: 0),
            workspace.NewFolder(), observer, Cancellation);

        var losses = observer.EpochLosses(TrainingStages.FineTune);
        TestContext.Current.TestOutputHelper?.WriteLine($"epoch losses: {string.Join(", ", losses.Select(l => l.ToString("F4")))}");
        Assert.Equal(6, losses.Count);
        Assert.True(losses[^1] < 0.7 * losses[0], $"the last epoch's loss {losses[^1]} is not well below the first's {losses[0]}");
    }

    /// <summary>The largest change of the written head's weight from the zero-shot head's.</summary>
    private double HeadChange(string headPath)
    {
        using var trained = ZeroShotHead.Load(headPath);
        using var zeroShot = ZeroShotHead.Load(workspace.BaseBundle.ZeroShotHeadPath);
        using var difference = (trained.Weights - zeroShot.Weights).abs().max();
        return difference.item<float>();
    }
}
