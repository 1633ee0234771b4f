using System.Globalization;
using Spectre.Console;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>
/// Follows a retrain job until the version it trains is promoted, with a live progress bar for the training (stage,
/// epoch, step of total, loss, learning rate, images/s, time left) and one for indexing the new version. Events come
/// from the bus; the job's record is read at the start and whenever the bus is quiet for a few seconds, so an end
/// that happened before the command subscribed is noticed too.
/// </summary>
internal sealed class JobFollower(Terminal terminal, EventInbox events, FineTuningJobStore jobs, ModelStore store, string servicesLocation)
{
    private static readonly TimeSpan RecordCheckInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan QuietWarning = TimeSpan.FromSeconds(30);

    /// <returns>The promoted version the job trained.</returns>
    /// <exception cref="JobEndedException">The job failed or was cancelled, or its version could not be indexed.</exception>
    public Task<ModelVersionId> FollowAsync(Guid jobId, string modelName, CancellationToken cancellationToken) =>
        terminal.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(progress => new Following(terminal, events, jobs, store, servicesLocation, jobId, modelName, progress).RunAsync(cancellationToken));

    /// <summary>The state of one follow: the bars, and the version once it is trained.</summary>
    private sealed class Following(Terminal terminal, EventInbox events, FineTuningJobStore jobs, ModelStore store, string servicesLocation, Guid jobId,
        string modelName, ProgressContext progress)
    {
        private readonly ProgressTask _training = progress.AddTask(Markup.Escape($"{modelName}: waiting for a fine-tuning worker"), maxValue: 1);
        private ProgressTask? _indexing;
        private ModelVersionId? _trained;

        public async Task<ModelVersionId> RunAsync(CancellationToken cancellationToken)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var warned = false;
            while (true)
            {
                if (CheckRecord() is { } done)
                {
                    return done;
                }
                using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    quiet.CancelAfter(RecordCheckInterval);
                    object message;
                    try
                    {
                        message = await events.Reader.ReadAsync(quiet.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (!warned && waited.Elapsed > QuietWarning && jobs.Find(jobId) is null)
                        {
                            terminal.Warn($"No fine-tuning service {servicesLocation} has accepted job {jobId} after " +
                                          $"{QuietWarning.TotalSeconds:0} s: is one running there (vrf serve, or the Vrf.FineTuning.Host service)? Still waiting.");
                            warned = true;
                        }
                        continue;
                    }
                    if (Handle(message) is { } promoted)
                    {
                        return promoted;
                    }
                }
            }
        }

        /// <summary>Applies one event; the promoted version when it ends the follow.</summary>
        private ModelVersionId? Handle(object message)
        {
            switch (message)
            {
                case FineTuningStarted started when started.JobId == jobId:
                    _training.MaxValue = Math.Max(1, started.TotalSteps);
                    _training.Value = started.ResumedFromStep;
                    _training.Description = Markup.Escape(started.ResumedFromStep > 0
                        ? $"{modelName}: resumed from step {started.ResumedFromStep} of {started.TotalSteps}"
                        : $"{modelName}: training from version {started.BaseVersion}, {started.TotalSteps} steps");
                    break;
                case FineTuningProgressed step when step.JobId == jobId:
                    _training.MaxValue = Math.Max(1, step.TotalSteps);
                    _training.Value = step.Step;
                    _training.Description = Markup.Escape(Describe(step));
                    break;
                case ModelTrained trained when trained.JobId == jobId:
                    Trained(new ModelVersionId(trained.ModelName, trained.Version), trained.ValidationAccuracy);
                    break;
                case ModelIndexingProgressed indexing when IsTrainedVersion(indexing.ModelName, indexing.Version):
                    _indexing!.MaxValue = Math.Max(1, indexing.Total);
                    _indexing.Value = indexing.Completed;
                    _indexing.Description = Markup.Escape($"{_trained}: indexing ({indexing.Phase})");
                    break;
                case ModelIndexingFailed failed when IsTrainedVersion(failed.ModelName, failed.Version):
                    throw new JobEndedException($"Job {jobId} trained {_trained}, but indexing it failed: {failed.Reason}");
                case ModelPromoted promoted when _trained is { } version && promoted.ModelName == version.Name
                                                 && (promoted.Version == version.Version || store.Get(version).Status == ModelStatus.Ready):
                    Done();
                    return version;
                case FineTuningFailed failed when failed.JobId == jobId:
                    throw new JobEndedException($"Job {jobId} failed: {failed.Reason}");
                case FineTuningCancelled cancelled when cancelled.JobId == jobId:
                    throw new JobEndedException($"Job {jobId} was cancelled after {cancelled.CompletedSteps} step(s).");
            }
            return null;
        }

        /// <summary>What the record says: an end, the trained version, or nothing new.</summary>
        private ModelVersionId? CheckRecord()
        {
            var record = jobs.Find(jobId);
            switch (record?.Status)
            {
                case FineTuningJobStatus.Failed:
                    throw new JobEndedException($"Job {jobId} failed: {record.Reason}");
                case FineTuningJobStatus.Cancelled:
                    throw new JobEndedException($"Job {jobId} was cancelled after {record.Step} step(s): {record.Reason}");
                case FineTuningJobStatus.Trained when record.ResultVersion is { } version:
                    if (_trained is null)
                    {
                        Trained(new ModelVersionId(record.ModelName, version), record.ValidationAccuracy ?? double.NaN);
                    }
                    var bundle = store.Get(_trained!);
                    if (bundle.Status == ModelStatus.Failed)
                    {
                        throw new JobEndedException($"Job {jobId} trained {_trained}, but indexing it failed: {bundle.Manifest.FailureReason}");
                    }
                    if (bundle.Status == ModelStatus.Ready)
                    {
                        Done();
                        return _trained;
                    }
                    break;
            }
            return null;
        }

        private void Trained(ModelVersionId version, double accuracy)
        {
            _trained = version;
            _training.Value = _training.MaxValue;
            _training.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{modelName}: trained {version} (validation accuracy {accuracy:P1})"));
            _indexing ??= progress.AddTask(Markup.Escape($"{version}: waiting for the failure-index service"), maxValue: 1);
        }

        private void Done()
        {
            _training.Value = _training.MaxValue;
            if (_indexing is not null)
            {
                _indexing.Value = _indexing.MaxValue;
                _indexing.Description = Markup.Escape($"{_trained}: indexed and promoted");
            }
        }

        private bool IsTrainedVersion(string model, int version) =>
            _trained is { } trained && trained.Name == model && trained.Version == version;

        private string Describe(FineTuningProgressed step) => string.Create(CultureInfo.InvariantCulture,
            $"{modelName}: {step.Stage} · epoch {step.Epoch} · step {step.Step}/{step.TotalSteps} · loss {step.Loss:0.0000} · " +
            $"lr {step.LearningRate:0.##e+00} · {step.ImagesPerSecond:0.#} img/s · ETA {(step.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "–")}");
    }
}
