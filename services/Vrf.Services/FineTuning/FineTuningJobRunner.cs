using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Contracts;
using Vrf.Serving;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Training;

namespace Vrf.Services.FineTuning;

/// <summary>
/// Runs one claimed job to its end with the <see cref="FineTuner"/>, which resumes from the job's newest checkpoint when
/// an earlier run left one; every step goes to the <see cref="FineTuningMetrics"/> and the progress events. Trained: publishes <see cref="ModelTrained"/> (before the record says so, so a worker that
/// dies in between publishes it again on resume: the trainer hands back the version it already wrote, and indexing it
/// twice is harmless), then records the result and deletes the checkpoints. Cancelled: see
/// <see cref="FineTuningJobCancellation"/>. Failed: records the reason and publishes <see cref="FineTuningFailed"/>.
/// When the host stops, the job goes back to <c>accepted</c> with its checkpoints: its claim frees with the process, and
/// the next worker to take it resumes it. A job found still <c>running</c> when claimed lost its worker mid-run; after
/// more than <see cref="FineTuningWorkerOptions.MaxInterruptions"/> such deaths it fails instead of being resumed.
/// </summary>
public sealed partial class FineTuningJobRunner(
    FineTuner trainer,
    ModelStore store,
    FineTuningJobStore jobs,
    RunningFineTuningJobs running,
    FineTuningJobCancellation cancellation,
    IBus bus,
    IOptions<FineTuningWorkerOptions> options,
    IOptions<FineTuningOptions> trainerOptions,
    FineTuningMetrics metrics,
    TimeProvider clock,
    ILogger<FineTuningJobRunner> logger)
{
    /// <summary>Runs the job; disposes <paramref name="claim"/> when it ends.</summary>
    /// <param name="stopping">Signalled when the host stops.</param>
    public async Task RunAsync(FineTuningJobClaim claim, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(claim);
        using (claim)
        {
            var record = jobs.Find(claim.JobId);
            if (record is null || record.IsFinal)
            {
                return;
            }
            if (record.CancelRequested)
            {
                await cancellation.FinishAsync(claim, CancellationToken.None);
                return;
            }
            if (record.Status == FineTuningJobStatus.Running)
            {
                record = jobs.Update(claim.JobId, current => current with { Interruptions = current.Interruptions + 1, UpdatedAt = clock.GetUtcNow() });
                if (record.Interruptions > options.Value.MaxInterruptions)
                {
                    await FailAsync(record, $"The worker training it died {record.Interruptions} times before the job ended (a crash or " +
                        $"an out-of-memory kill; see the fine-tuning service's logs), more than FineTuning:MaxInterruptions = " +
                        $"{options.Value.MaxInterruptions} allows; it is not resumed again.", exception: null);
                    return;
                }
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            using var registration = running.Add(claim.JobId, stop);
            record = jobs.Update(claim.JobId, current => current with
            {
                Status = FineTuningJobStatus.Running,
                StartedAt = current.StartedAt ?? clock.GetUtcNow(),
                Attempts = current.Attempts + 1,
                UpdatedAt = clock.GetUtcNow(),
            });
            LogStarting(record.JobId, record.ModelName, record.BaseVersion ?? 0, record.Attempts);
            using var span = FineTuningTelemetry.Source.StartActivity("fine-tune");
            span?.SetTag(FineTuningTelemetry.JobTag, record.JobId.ToString());
            span?.SetTag(PipelineActivity.ModelTag, $"{record.ModelName}@{record.BaseVersion}");
            try
            {
                var outcome = await TrainAsync(record, stop);
                await PublishTrainedAsync(record, outcome);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                if (jobs.Find(claim.JobId) is { CancelRequested: true })
                {
                    await cancellation.FinishAsync(claim, CancellationToken.None);
                    LogCancelled(record.JobId);
                }
                else
                {
                    jobs.Update(claim.JobId, current => current.IsFinal ? current
                        : current with { Status = FineTuningJobStatus.Accepted, UpdatedAt = clock.GetUtcNow() });
                    LogLeftForResume(record.JobId);
                }
            }
            catch (Exception e)
            {
                await FailAsync(record, ReasonText.OneLine(e.Message), e);
            }
        }
    }

    private async Task<FineTuningOutcome> TrainAsync(FineTuningJobRecord record, CancellationTokenSource stop)
    {
        var request = record.Request;
        var job = new FineTuningJob(
            record.JobId,
            new ModelVersionId(request.ModelName, record.BaseVersion ?? throw new InvalidDataException($"Job {record.JobId} has no base version.")),
            request.TrainPath,
            request.ValidationPath,
            request.TestPath,
            FineTuningSettings.From(request, trainerOptions.Value.CheckpointEverySteps));
        await using var progress = new TrainingProgressPublisher(bus, jobs, record, options.Value.ProgressInterval, Cancel, clock, logger);
        return await trainer.RunAsync(job, jobs.CheckpointFolder(record.JobId), metrics.Observe(record.JobId, job.BaseVersion, progress), stop.Token);

        void Cancel()
        {
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task PublishTrainedAsync(FineTuningJobRecord record, FineTuningOutcome outcome)
    {
        var version = outcome.Bundle.Id.Version;
        await bus.Publish(new ModelTrained(record.JobId, record.ModelName, version,
            Path.GetRelativePath(store.Root, outcome.Bundle.Folder), outcome.ValidationAccuracy), CancellationToken.None);
        jobs.Update(record.JobId, current => current with
        {
            Status = FineTuningJobStatus.Trained,
            ResultVersion = version,
            ValidationAccuracy = outcome.ValidationAccuracy,
            Step = outcome.Steps,
            TotalSteps = Math.Max(current.TotalSteps, outcome.Steps),
            UpdatedAt = clock.GetUtcNow(),
            FinishedAt = clock.GetUtcNow(),
        });
        jobs.DeleteCheckpoints(record.JobId);
        LogTrained(record.JobId, outcome.Bundle.Id, outcome.ValidationAccuracy);
    }

    private async Task FailAsync(FineTuningJobRecord record, string reason, Exception? exception)
    {
        LogFailed(record.JobId, reason, exception);
        var failed = false;
        jobs.Update(record.JobId, current =>
        {
            if (current.IsFinal)
            {
                return current;
            }
            failed = true;
            return current with
            {
                Status = FineTuningJobStatus.Failed,
                Reason = reason,
                UpdatedAt = clock.GetUtcNow(),
                FinishedAt = clock.GetUtcNow(),
            };
        });
        if (failed)
        {
            jobs.DeleteCheckpoints(record.JobId);
            await bus.Publish(new FineTuningFailed(record.JobId, record.ModelName, reason), CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: training a new version of {Model} from version {BaseVersion} (run {Attempt})")]
    private partial void LogStarting(Guid jobId, string model, int baseVersion, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: trained {Version} (validation accuracy {Accuracy:0.####})")]
    private partial void LogTrained(Guid jobId, ModelVersionId version, double accuracy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: cancelled")]
    private partial void LogCancelled(Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: stopped with the host and handed back; the next worker resumes it from its checkpoint")]
    private partial void LogLeftForResume(Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failed: {Reason}")]
    private partial void LogFailed(Guid jobId, string reason, Exception? exception);
}
