using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Contracts;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Datasets;
using Vrf.Serving.Inference;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Training.Checkpoints;
using Vrf.Training.Data;
using Vrf.Training.Evaluation;
using Vrf.Training.Modeling;
using Vrf.Training.Output;
using Vrf.Training.Planning;
using Vrf.Training.Running;

namespace Vrf.Training;

/// <summary>
/// Fine-tunes a version's zero-shot image encoder (of the kind its manifest names) on an image folder with WiSE-FT's
/// recipe (see the design) and writes the result as the next version of the model. Runs are deterministic: the same job, settings and
/// images give the same weights on the same device and thread count, whether or not the run was interrupted and resumed.
/// Thread-safe; each call trains on its own thread.
/// </summary>
public sealed partial class FineTuner(
    ModelStore store,
    BundleWriter writer,
    EncoderKinds kinds,
    IOptions<InferenceOptions> inference,
    ILogger<FineTuner> logger)
{
    /// <summary>Told of the trained classifier before it is written and freed (tests compare the written bundle with it).</summary>
    internal Action<ImageClassifier>? ClassifierTrained { get; set; }

    /// <summary>
    /// Trains (or resumes from the newest checkpoint in <paramref name="checkpointFolder"/>) and writes a new version with
    /// status <see cref="ModelStatus.Indexing"/>. If the store already holds a version trained by the job, returns it
    /// without training again. Checkpoints are left in place whatever the outcome: delete the folder when the job is over.
    /// </summary>
    /// <param name="checkpointFolder">The job's own folder for checkpoints (created when missing).</param>
    /// <param name="observer">Told of the start, every step and every checkpoint, on the training thread.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the checkpoints are left in place.</exception>
    /// <exception cref="DatasetException">A dataset folder cannot be used or none of its images decode.</exception>
    /// <exception cref="ModelNotFoundException">The base version does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">The checkpoint folder holds another job's checkpoint.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public Task<FineTuningOutcome> RunAsync(FineTuningJob job, string checkpointFolder, ITrainingObserver? observer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointFolder);
        return Task.Run(() => Run(job, checkpointFolder, observer, cancellationToken), CancellationToken.None);
    }

    private FineTuningOutcome Run(FineTuningJob job, string checkpointFolder, ITrainingObserver? observer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        job.Settings.Validate();
        var baseBundle = store.Get(job.BaseVersion);
        if (TrainedBy(job) is { } done)
        {
            LogAlreadyTrained(job.JobId, done.Id);
            var record = done.Manifest.Training!;
            return new FineTuningOutcome(done, record.ValidationAccuracy, record.Steps, 0);
        }
        var classNames = baseBundle.Manifest.ClassNames;
        var train = ImageFolderDataset.Open(job.TrainPath, classNames);
        var validation = ImageFolderDataset.Open(job.ValidationPath, classNames);
        var test = job.TestPath is null ? null : ImageFolderDataset.Open(job.TestPath, classNames);
        var kind = kinds.Get(baseBundle.Manifest.EncoderKind);
        var preprocessor = kind.OpenPreprocessor(baseBundle.ZeroShotModelFolder);
        using var classifier = LoadClassifier(kind, baseBundle);
        var trainingSet = TrainingSet.Open(train, preprocessor, (id, reason) => LogSkipped(job.JobId, "train", id, reason), cancellationToken);
        var plan = TrainingPlan.Create(job.Settings, trainingSet.Count);
        var loop = new TrainingLoop(classifier, trainingSet, plan, job.Settings, new CheckpointFolder(checkpointFolder),
            JobFingerprint.Compute(job.JobId, job.BaseVersion, job.Settings, trainingSet))
        {
            EpochFinished = (stage, epoch, loss) => LogEpoch(job.JobId, stage, epoch, loss),
            Resumed = step => LogResumed(job.JobId, step, checkpointFolder),
        };
        LogStarting(job.JobId, job.BaseVersion, job.Settings.Recipe, trainingSet.Count, plan.TotalSteps);
        var result = loop.Run(observer, cancellationToken);
        var accuracy = ClassifierAccuracy.Measure(classifier, validation, preprocessor, inference.Value.BatchSize,
            (id, reason) => LogSkipped(job.JobId, "validation", id, reason), cancellationToken);
        ClassifierTrained?.Invoke(classifier);
        var training = new TrainingRecord(job.JobId, job.BaseVersion.Version, FineTuningRecipeNames.RecordNameOf(job.Settings.Recipe), job.Settings.BatchSize,
            job.Settings.WeightDecay, job.Settings.GradientClipNorm, job.Settings.Seed,
            [.. plan.Stages.Select(stage => new TrainingStageRecord(stage.Name, stage.Epochs, stage.LearningRate, stage.WarmupSteps, stage.Steps))],
            result.Steps, result.FinalLoss, accuracy, result.StartedAt, DateTimeOffset.UtcNow);
        var datasets = new DatasetSources(
            new DatasetSource(train.Folder, train.Count),
            new DatasetSource(validation.Folder, validation.Count),
            test is null ? null : new DatasetSource(test.Folder, test.Count));
        var bundle = FineTunedBundle.Write(writer, baseBundle, classifier, training, datasets);
        LogWritten(job.JobId, bundle.Id, accuracy, result.FinalLoss);
        return new FineTuningOutcome(bundle, accuracy, result.Steps, result.ResumedFromStep);
    }

    /// <summary>The version a previous run of the job wrote, if any.</summary>
    private ModelBundle? TrainedBy(FineTuningJob job) =>
        store.Versions(job.BaseVersion.Name).LastOrDefault(bundle => bundle.Manifest.Training?.JobId == job.JobId);

    /// <exception cref="BundleTamperedException">The base version's zero-shot encoder or head is not the one its manifest records.</exception>
    private ImageClassifier LoadClassifier(IEncoderKind kind, ModelBundle baseBundle)
    {
        if (!BundleFileHashes.Verify(baseBundle, baseBundle.Manifest.Files.ZeroShotModel, baseBundle.Manifest.Files.ZeroShotHead))
        {
            LogUnverified(baseBundle.Id);
        }
        var encoder = kind.Load(baseBundle.ZeroShotModelFolder, inference.Value.Device);
        try
        {
            using var zeroShotHead = ZeroShotHead.Load(baseBundle.ZeroShotHeadPath, encoder.Device);
            return new ImageClassifier(encoder, zeroShotHead);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Job {JobId}: fine-tuning from {BaseVersion} with {Recipe} on {Images} training images, {Steps} steps")]
    private partial void LogStarting(Guid jobId, ModelVersionId baseVersion, FineTuningRecipe recipe, int images, long steps);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The base version {Model} is loaded unchecked: its bundle predates recorded SHA-256 digests (import or train it again to have it checked)")]
    private partial void LogUnverified(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: resuming after step {Step} from the checkpoint in {Folder}")]
    private partial void LogResumed(Guid jobId, long step, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: {Stage} epoch {Epoch} done, mean loss {Loss:F4}")]
    private partial void LogEpoch(Guid jobId, string stage, int epoch, double loss);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: skipped {Split} image {SampleId}: {Reason}")]
    private partial void LogSkipped(Guid jobId, string split, string sampleId, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Job {JobId}: wrote {Model} (validation accuracy {Accuracy:P2}, final loss {Loss:F4}); waiting for indexing")]
    private partial void LogWritten(Guid jobId, ModelVersionId model, double accuracy, double loss);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} already wrote {Model}; not training again")]
    private partial void LogAlreadyTrained(Guid jobId, ModelVersionId model);
}
