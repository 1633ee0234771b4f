using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Services.Tests.RabbitMq;

/// <summary>The fine-tuning host as a real process on RabbitMQ: requests it refuses, requests it gets twice, and jobs it
/// is asked to cancel, running or waiting.</summary>
[Collection(nameof(ProcessTests))]
public sealed class When_retrain_requests_reach_the_fine_tuning_service(FineTuningOnRabbitMq services) : IClassFixture<FineTuningOnRabbitMq>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromMinutes(3);

    private FineTuningJobStore Jobs => new(new ModelStore(services.Store.Root));

    [Fact]
    public async Task Should_refuse_an_unknown_model_or_a_missing_folder_with_the_reason_and_park_each_once_in_the_error_queue()
    {
        var unknownModel = Request() with { ModelName = "nope" };
        var missingFolder = Request() with { TrainPath = Path.Combine(services.Store.Workspace.Root, "no-such-folder") };

        await services.Bus.Publish(unknownModel, TestContext.Current.CancellationToken);
        await services.Bus.Publish(missingFolder, TestContext.Current.CancellationToken);
        var unknown = await services.Events.WaitForAsync<FineTuningFailed>(failed => failed.JobId == unknownModel.JobId, EventTimeout, services.Diagnostics);
        var missing = await services.Events.WaitForAsync<FineTuningFailed>(failed => failed.JobId == missingFolder.JobId, EventTimeout, services.Diagnostics);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        Assert.Equal(("nope", "The model store has no model 'nope'."), (unknown.ModelName, unknown.Reason));
        Assert.Equal($"Dataset folder '{missingFolder.TrainPath}' does not exist.", missing.Reason);
        // The class's other tests park requests of their own in the same queue; each of these two is there exactly once.
        var parked = (await services.Broker.TakeAllAsync($"{ServiceNames.FineTuning}_error", TestContext.Current.CancellationToken))
            .Where(message => message.TryGetValue("MT-Fault-Message", out var reason) && (reason == unknown.Reason || reason == missing.Reason))
            .ToList();
        Assert.Equal(new[] { unknown.Reason, missing.Reason }.Order(StringComparer.Ordinal),
            parked.Select(message => message["MT-Fault-Message"]).Order(StringComparer.Ordinal));
        Assert.All(parked, message => Assert.False(message.ContainsKey("MT-Fault-RetryCount")));
        Assert.Single(services.Events.All<FineTuningFailed>(failed => failed.JobId == unknownModel.JobId));
        foreach (var (request, reason) in new[] { (unknownModel, unknown.Reason), (missingFolder, missing.Reason) })
        {
            var record = Jobs.Find(request.JobId)!;
            Assert.Equal((FineTuningJobStatus.Failed, reason), (record.Status, record.Reason));
        }
        Assert.True(services.Processes[0].IsRunning, services.Diagnostics());
    }

    [Fact]
    public async Task Should_refuse_folders_outside_its_data_roots_or_through_a_link_that_leads_out_and_settings_beyond_its_bounds()
    {
        using var outside = new TemporaryDirectory();
        TinyImages.WriteImageFolder(outside.File("train"), TinyWorkspace.ClassNames, 2, seed: 9);
        var link = Path.Combine(services.Store.Workspace.Root, $"link-{Guid.NewGuid():N}");
        Directory.CreateSymbolicLink(link, outside.Path);
        try
        {
            (RetrainModel Request, string Reason)[] refused =
            [
                (Request() with { TrainPath = outside.File("train") },
                    $"TrainPath '{outside.File("train")}' is outside the data roots this service reads images from (FineTuning:DataRoots: {services.Store.Workspace.Root})."),
                (Request() with { TrainPath = Path.Combine(link, "train") },
                    $"TrainPath '{Path.Combine(link, "train")}' leads outside the data roots (FineTuning:DataRoots: {services.Store.Workspace.Root}) through a symbolic link."),
                (Request() with { TrainPath = $"{services.Store.Workspace.Root}/val/../train" }, "must not contain '..'"),
                (Request() with { Epochs = RetrainRules.MaxEpochs + 1 }, $"Epochs must be 1 to {RetrainRules.MaxEpochs} (got {RetrainRules.MaxEpochs + 1})"),
            ];

            foreach (var (request, _) in refused)
            {
                await services.Bus.Publish(request, TestContext.Current.CancellationToken);
            }
            foreach (var (request, reason) in refused)
            {
                var failed = await services.Events.WaitForAsync<FineTuningFailed>(done => done.JobId == request.JobId, EventTimeout, services.Diagnostics);
                Assert.Contains(reason, failed.Reason);
                Assert.Equal((FineTuningJobStatus.Failed, failed.Reason), (Jobs.Find(request.JobId)!.Status, Jobs.Find(request.JobId)!.Reason));
            }
        }
        finally
        {
            Directory.Delete(link);
        }
    }

    [Fact]
    public async Task Should_change_nothing_when_a_request_it_already_recorded_arrives_again()
    {
        var request = Request() with { Epochs = 1, BatchSize = 6 };
        await services.Bus.Publish(request, TestContext.Current.CancellationToken);
        var trained = await services.Events.WaitForAsync<ModelTrained>(done => done.JobId == request.JobId, EventTimeout, services.Diagnostics);
        // ModelTrained goes out before the record says trained (so a crash in between publishes it again on resume).
        await Eventually.WaitUntilAsync(() => Jobs.Find(request.JobId) is { Status: FineTuningJobStatus.Trained }, EventTimeout);
        var before = Jobs.Find(request.JobId)!;
        var versions = new ModelStore(services.Store.Root).Versions(ReadyStore.ModelName).Count;

        await services.Bus.Publish(request, TestContext.Current.CancellationToken);
        var fence = Request() with { ModelName = "fence" };
        await services.Bus.Publish(fence, TestContext.Current.CancellationToken);
        await services.Events.WaitForAsync<FineTuningFailed>(failed => failed.JobId == fence.JobId, EventTimeout, services.Diagnostics);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Equal(before, Jobs.Find(request.JobId));
        Assert.Equal((FineTuningJobStatus.Trained, trained.Version, 1), (before.Status, before.ResultVersion, before.Attempts));
        Assert.Single(services.Events.All<ModelTrained>(done => done.JobId == request.JobId));
        Assert.Single(services.Events.All<FineTuningStarted>(started => started.JobId == request.JobId));
        Assert.Equal(versions, new ModelStore(services.Store.Root).Versions(ReadyStore.ModelName).Count);
    }

    [Fact]
    public async Task Should_cancel_a_waiting_job_at_once_and_stop_a_running_one_each_announced_once()
    {
        var running = Request() with { Epochs = RetrainRules.MaxEpochs };
        var waiting = Request() with { Epochs = RetrainRules.MaxEpochs };
        await services.Bus.Publish(running, TestContext.Current.CancellationToken);
        await services.Events.WaitForAsync<FineTuningProgressed>(step => step.JobId == running.JobId && step.Step >= 2, EventTimeout, services.Diagnostics);
        await services.Bus.Publish(waiting, TestContext.Current.CancellationToken);
        await Eventually.WaitUntilAsync(() => Jobs.Find(waiting.JobId) is { Status: FineTuningJobStatus.Accepted }, EventTimeout);

        await services.Bus.Publish(new CancelFineTuning(waiting.JobId, "not needed"), TestContext.Current.CancellationToken);
        var waitingCancelled = await services.Events.WaitForAsync<FineTuningCancelled>(
            cancelled => cancelled.JobId == waiting.JobId, EventTimeout, services.Diagnostics);
        await services.Bus.Publish(new CancelFineTuning(running.JobId), TestContext.Current.CancellationToken);
        var runningCancelled = await services.Events.WaitForAsync<FineTuningCancelled>(
            cancelled => cancelled.JobId == running.JobId, EventTimeout, services.Diagnostics);
        await services.Bus.Publish(new CancelFineTuning(running.JobId), TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Equal(0, waitingCancelled.CompletedSteps);
        Assert.True(runningCancelled.CompletedSteps >= 2, $"{runningCancelled.CompletedSteps} steps");
        Assert.Single(services.Events.All<FineTuningCancelled>(cancelled => cancelled.JobId == running.JobId));
        Assert.Single(services.Events.All<FineTuningCancelled>(cancelled => cancelled.JobId == waiting.JobId));
        Assert.Empty(services.Events.All<FineTuningStarted>(started => started.JobId == waiting.JobId));
        Assert.Empty(services.Events.All<ModelTrained>(done => done.JobId == running.JobId || done.JobId == waiting.JobId));
        var (waitingRecord, runningRecord) = (Jobs.Find(waiting.JobId)!, Jobs.Find(running.JobId)!);
        Assert.Equal((FineTuningJobStatus.Cancelled, "not needed"), (waitingRecord.Status, waitingRecord.Reason));
        Assert.Equal(FineTuningJobStatus.Cancelled, runningRecord.Status);
        Assert.False(Directory.Exists(Jobs.CheckpointFolder(running.JobId)));
    }

    [Fact]
    public async Task Should_fail_a_job_whose_workers_died_more_often_than_allowed_instead_of_resuming_it_again()
    {
        // The record a job leaves when the worker training it was killed three times (the default allowance): still
        // running, with a checkpoint. The next claim is the fourth death.
        var request = Request();
        var now = DateTimeOffset.UtcNow;
        Assert.True(Jobs.TryCreate(FineTuningJobRecord.Accept(request, services.Store.Ready.Id.Version, now) with
        {
            Status = FineTuningJobStatus.Running, Attempts = 3, Interruptions = 3, StartedAt = now, CheckpointStep = 4,
        }));
        Directory.CreateDirectory(Jobs.CheckpointFolder(request.JobId));

        var failed = await services.Events.WaitForAsync<FineTuningFailed>(done => done.JobId == request.JobId, EventTimeout, services.Diagnostics);

        Assert.StartsWith("The worker training it died 4 times before the job ended", failed.Reason);
        Assert.Contains("FineTuning:MaxInterruptions = 3", failed.Reason);
        await Eventually.WaitUntilAsync(() => Jobs.Find(request.JobId) is { IsFinal: true }, EventTimeout);
        var record = Jobs.Find(request.JobId)!;
        Assert.Equal((FineTuningJobStatus.Failed, failed.Reason, 4), (record.Status, record.Reason, record.Interruptions));
        Assert.Empty(services.Events.All<FineTuningStarted>(started => started.JobId == request.JobId));
        Assert.False(Directory.Exists(Jobs.CheckpointFolder(request.JobId)));
    }

    private RetrainModel Request() => new(Guid.NewGuid(), ReadyStore.ModelName, services.Store.Ready.Id.Version,
        services.Store.Workspace.Train, services.Store.Workspace.Validation, BatchSize: 2, Seed: 5, CheckpointEverySteps: 4);
}
