using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.RabbitMq;

/// <summary>
/// The fine-tuning host as a real process on RabbitMQ is killed (as a crash or an OOM kill would) after its job saved a
/// checkpoint; a new process resumes the job from that checkpoint, and the version it trains has the weights of an
/// uninterrupted run of the same settings and seed.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class When_a_fine_tuning_worker_is_killed_mid_job(FineTuningOnRabbitMq services) : IClassFixture<FineTuningOnRabbitMq>
{
    private const double WeightTolerance = 1e-5;
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Should_resume_from_its_checkpoint_in_a_new_process_and_train_the_weights_of_an_uninterrupted_run()
    {
        var jobs = new FineTuningJobStore(new ModelStore(services.Store.Root));
        var interrupted = Request();
        await services.Bus.Publish(interrupted, TestContext.Current.CancellationToken);

        var checkpoint = await WaitForCheckpointAsync(jobs, interrupted.JobId);
        services.Processes.Single(process => process.IsRunning).Kill();
        var atKill = jobs.Find(interrupted.JobId)!;
        Assert.Equal(FineTuningJobStatus.Running, atKill.Status);
        Assert.True(atKill.Step < atKill.TotalSteps, $"The job ended before the kill: {atKill.Step}/{atKill.TotalSteps}");

        await services.StartServiceAsync($"{ServiceNames.FineTuning}-restarted", HostAssemblies.FineTuning, FineTuningOnRabbitMq.Settings);
        var resumed = await services.Events.WaitForAsync<FineTuningStarted>(
            started => started.JobId == interrupted.JobId && started.ResumedFromStep > 0, JobTimeout, services.Diagnostics);
        Assert.True(resumed.ResumedFromStep >= checkpoint, $"Resumed from step {resumed.ResumedFromStep}, the record named checkpoint {checkpoint}.");
        var trained = await services.Events.WaitForAsync<ModelTrained>(done => done.JobId == interrupted.JobId, JobTimeout, services.Diagnostics);
        // ModelTrained goes out before the record says trained (so a crash in between publishes it again on resume).
        await Eventually.WaitUntilAsync(() => jobs.Find(interrupted.JobId) is { Status: FineTuningJobStatus.Trained }, JobTimeout);
        var record = jobs.Find(interrupted.JobId)!;
        Assert.Equal((FineTuningJobStatus.Trained, trained.Version, 2, 1), (record.Status, record.ResultVersion, record.Attempts, record.Interruptions));

        var uninterrupted = Request();
        await services.Bus.Publish(uninterrupted, TestContext.Current.CancellationToken);
        var reference = await services.Events.WaitForAsync<ModelTrained>(done => done.JobId == uninterrupted.JobId, JobTimeout, services.Diagnostics);
        Assert.Empty(services.Events.All<FineTuningStarted>(started => started.JobId == uninterrupted.JobId && started.ResumedFromStep > 0));

        var store = new ModelStore(services.Store.Root);
        var resumedBundle = store.Get(new ModelVersionId(trained.ModelName, trained.Version));
        var referenceBundle = store.Get(new ModelVersionId(reference.ModelName, reference.Version));
        var encoder = WeightDifference.Max(
            Path.Combine(resumedBundle.FineTunedModelFolder, "model.safetensors"), Path.Combine(referenceBundle.FineTunedModelFolder, "model.safetensors"));
        var head = WeightDifference.Max(resumedBundle.FineTunedHeadPath, referenceBundle.FineTunedHeadPath);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Killed at step {atKill.Step} of {atKill.TotalSteps} (checkpoint {checkpoint}), resumed from {resumed.ResumedFromStep}; " +
            $"max |Δ| against the uninterrupted run: encoder {encoder:E3}, head {head:E3}.");
        Assert.True(encoder <= WeightTolerance, $"Fine-tuned encoder weights differ by up to {encoder:E3}.");
        Assert.True(head <= WeightTolerance, $"Fine-tuned head weights differ by up to {head:E3}.");
        Assert.Equal(trained.ValidationAccuracy, reference.ValidationAccuracy, 6);
    }

    [Fact]
    public async Task Should_hand_its_job_back_when_its_host_stops_cleanly_and_resume_it_without_counting_a_death()
    {
        var jobs = new FineTuningJobStore(new ModelStore(services.Store.Root));
        var job = Request() with { Epochs = RetrainRules.MaxEpochs };
        await services.Bus.Publish(job, TestContext.Current.CancellationToken);
        await WaitForCheckpointAsync(jobs, job.JobId);

        await services.Processes.Single(process => process.IsRunning).StopAsync(TimeSpan.FromSeconds(30));
        var handedBack = jobs.Find(job.JobId)!;
        Assert.Equal((FineTuningJobStatus.Accepted, 1, 0), (handedBack.Status, handedBack.Attempts, handedBack.Interruptions));

        await services.StartServiceAsync($"{ServiceNames.FineTuning}-after-stop", HostAssemblies.FineTuning, FineTuningOnRabbitMq.Settings);
        var resumed = await services.Events.WaitForAsync<FineTuningStarted>(
            started => started.JobId == job.JobId && started.ResumedFromStep > 0, JobTimeout, services.Diagnostics);
        await services.Bus.Publish(new CancelFineTuning(job.JobId), TestContext.Current.CancellationToken);
        await services.Events.WaitForAsync<FineTuningCancelled>(cancelled => cancelled.JobId == job.JobId, JobTimeout, services.Diagnostics);

        Assert.True(resumed.ResumedFromStep >= handedBack.CheckpointStep, $"Resumed from {resumed.ResumedFromStep}, checkpoint {handedBack.CheckpointStep}.");
        var record = jobs.Find(job.JobId)!;
        Assert.Equal((FineTuningJobStatus.Cancelled, 2, 0), (record.Status, record.Attempts, record.Interruptions));
    }

    /// <summary>The same job settings and seed every time, under a new id: 12 epochs of 9 steps, a checkpoint every 5.</summary>
    private RetrainModel Request() => new(Guid.NewGuid(), ReadyStore.ModelName, services.Store.Ready.Id.Version,
        services.Store.Workspace.Train, services.Store.Workspace.Validation, Epochs: 12, BatchSize: 2, Seed: 11, CheckpointEverySteps: 5);

    /// <summary>Waits until the running job's record names a checkpoint past the first one; returns its step.</summary>
    private async Task<long> WaitForCheckpointAsync(FineTuningJobStore jobs, Guid jobId)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(JobTimeout);
        while (true)
        {
            if (jobs.Find(jobId) is { CheckpointStep: >= 10 and var step })
            {
                return step;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Job {jobId} saved no checkpoint in time: {jobs.Find(jobId)}\n{services.Diagnostics()}");
            }
        }
    }
}
