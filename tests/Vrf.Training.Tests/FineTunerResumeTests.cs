using Vrf.Clip;
using Vrf.Contracts;
using Vrf.Training.Tests.Support;

namespace Vrf.Training.Tests;

public sealed class FineTunerResumeTests(TrainingWorkspace workspace)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FineTuningRecipe.EndToEnd, 3, 7)]
    [InlineData(FineTuningRecipe.LinearProbeThenFineTune, 3, 7)]
    [InlineData(FineTuningRecipe.LinearProbeThenFineTune, 5, 6)]
    public async Task A_run_cancelled_after_a_checkpoint_and_resumed_by_a_new_fine_tuner_ends_with_the_uninterrupted_run_s_weights(
        FineTuningRecipe recipe, int checkpointEvery, int cancelAfter)
    {
        var uninterrupted = await workspace.NewFineTuner().RunAsync(Job(recipe, checkpointEvery), workspace.NewFolder(), null, Cancellation);

        var job = Job(recipe, checkpointEvery);
        var checkpoints = workspace.NewFolder();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var interrupted = new RecordingObserver(step =>
        {
            if (step.Step == cancelAfter)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => workspace.NewFineTuner().RunAsync(job, checkpoints, interrupted, cancel.Token));
        var resumed = new RecordingObserver();
        var outcome = await workspace.NewFineTuner().RunAsync(job, checkpoints, resumed, Cancellation);

        var resumedFrom = cancelAfter / checkpointEvery * checkpointEvery;
        Assert.Equal(cancelAfter, interrupted.Steps.Count);
        Assert.Equal(resumedFrom, interrupted.Checkpoints[^1]);
        Assert.Equal([(15L, (long)resumedFrom)], resumed.Starts);
        Assert.Equal(Enumerable.Range(resumedFrom + 1, 15 - resumedFrom).Select(step => (long)step), resumed.Steps.Select(step => step.Step));
        Assert.Equal((15L, (long)resumedFrom), (outcome.Steps, outcome.ResumedFromStep));
        var modelDifference = Weights.MaxAbsDifference(
            Path.Combine(uninterrupted.Bundle.FineTunedModelFolder, ClipModelFolder.WeightsFileName),
            Path.Combine(outcome.Bundle.FineTunedModelFolder, ClipModelFolder.WeightsFileName), _ => true);
        var headDifference = Weights.MaxAbsDifference(uninterrupted.Bundle.FineTunedHeadPath, outcome.Bundle.FineTunedHeadPath, _ => true);
        TestContext.Current.TestOutputHelper?.WriteLine($"{recipe}, resumed after step {resumedFrom}: max |Δ| model {modelDifference:E3}, head {headDifference:E3}");
        Assert.Equal(0, modelDifference);
        Assert.Equal(0, headDifference);
        Assert.Equal(uninterrupted.Bundle.Manifest.Training!.FinalLoss, outcome.Bundle.Manifest.Training!.FinalLoss);
        Assert.Equal(uninterrupted.ValidationAccuracy, outcome.ValidationAccuracy);
    }

    [Fact]
    public async Task A_checkpoint_of_another_job_is_refused()
    {
        var checkpoints = workspace.NewFolder();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var observer = new RecordingObserver(step =>
        {
            if (step.Step == 3)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => workspace.NewFineTuner().RunAsync(Job(), checkpoints, observer, cancel.Token));

        var error = await Assert.ThrowsAsync<CheckpointMismatchException>(() => workspace.NewFineTuner().RunAsync(Job(), checkpoints, null, Cancellation));

        Assert.Contains("another job", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_of_a_job_that_wrote_its_version_returns_that_version_without_training()
    {
        var job = Job();
        var first = await workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), null, Cancellation);
        var versions = workspace.Store.Versions(workspace.Base.Name).Count;
        var observer = new RecordingObserver();

        var retry = await workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), observer, Cancellation);

        Assert.Equal(first.Bundle.Id, retry.Bundle.Id);
        Assert.Equal((first.ValidationAccuracy, first.Steps), (retry.ValidationAccuracy, retry.Steps));
        Assert.Empty(observer.Starts);
        Assert.Equal(versions, workspace.Store.Versions(workspace.Base.Name).Count);
    }

    /// <summary>15 steps: 3 epochs end to end, or a 1-epoch probe and 2 fine-tuning epochs.</summary>
    private FineTuningJob Job(FineTuningRecipe recipe = FineTuningRecipe.EndToEnd, int checkpointEverySteps = 3) =>
        recipe == FineTuningRecipe.EndToEnd
            ? workspace.Job(recipe, epochs: 3, learningRate: 1e-4, checkpointEverySteps: checkpointEverySteps)
            : workspace.Job(recipe, epochs: 2, learningRate: 1e-4, checkpointEverySteps: checkpointEverySteps, linearProbeEpochs: 1);
}
