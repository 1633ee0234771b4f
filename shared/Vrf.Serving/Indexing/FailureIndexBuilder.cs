using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Encoders;
using Vrf.Method;
using Vrf.Method.Evaluation;
using Vrf.Monitoring;
using Vrf.Serving.Datasets;
using Vrf.Serving.Failures;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Serving.Indexing;

/// <summary>
/// Prepares an imported (or trained) version for serving: runs both models over the training images, selects the
/// zero-shot failures, stores them in the bundle and in the configured failure index, fits the temperatures and tunes
/// (a, b) and the OSE α on the validation images, records the validation distribution of d and of the predicted
/// classes (which the drift monitor compares served results with), records the metrics and marks the version ready.
/// Without a validation folder it uses T = 1, a = 1.5, b = 0.6, α = 0.5, records no validation distribution and says so
/// in the manifest. A build that throws marks the version failed with the reason (or, on a store too full or read-only to
/// take that, leaves it indexing); a cancelled one leaves it indexing,
/// to be built again. The image folders must lie under <c>FailureIndex:DataRoots</c> when it is set.
/// </summary>
public sealed partial class FailureIndexBuilder(
    ModelStore store,
    IFailureIndex index,
    DatasetEmbedder embedder,
    EncoderKinds kinds,
    IOptions<InferenceOptions> inference,
    IOptions<FailureIndexOptions> failureIndex,
    ILogger<FailureIndexBuilder> logger)
{
    private readonly DataRoots _roots =
        new(failureIndex.Value.DataRoots, $"{FailureIndexOptions.Section}:{nameof(FailureIndexOptions.DataRoots)}");

    private const string TrainSplit = "train";
    private const string ValidationSplit = "validation";

    /// <summary>
    /// Builds the version's index and returns the ready bundle. A version that is already ready is returned as it is
    /// (a redelivered request changes nothing); a failed one is built again.
    /// </summary>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ModelNotReadyException">The version was retired.</exception>
    public async Task<ModelBundle> BuildAsync(ModelVersionId id, IProgress<IndexingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var bundle = store.Get(id);
        switch (bundle.Status)
        {
            case ModelStatus.Ready:
                LogAlreadyReady(id);
                return bundle;
            case ModelStatus.Retired:
                throw new ModelNotReadyException($"Model {id} was retired and is not indexed again.");
            case ModelStatus.Failed:
                bundle = store.Update(id, manifest => manifest with { Status = ModelStatus.Indexing, FailureReason = null });
                break;
        }
        try
        {
            var outcome = await IndexAsync(bundle, progress, cancellationToken);
            var ready = store.Update(id, manifest => BundleWriter.WithIndexFiles(manifest, bundle.Folder, outcome.RecordedValidation) with
            {
                Status = ModelStatus.Ready,
                IndexedAt = DateTimeOffset.UtcNow,
                Parameters = outcome.Parameters,
                Metrics = outcome.Metrics,
                Warnings = outcome.Warnings,
            });
            LogReady(id, outcome.Parameters.FailureSetSize, outcome.Parameters.K, outcome.Parameters.A, outcome.Parameters.B);
            return ready;
        }
        catch (OperationCanceledException)
        {
            LogCancelled(id);
            throw;
        }
        catch (Exception e)
        {
            var reason = ReasonText.OneLine(e.Message);
            RecordFailure(id, reason);
            LogFailed(id, reason);
            throw;
        }
    }

    /// <summary>Marks the version failed with the reason; a store too full or read-only to take even that leaves it
    /// indexing (never ready), and the build's own failure is the one reported.</summary>
    private void RecordFailure(ModelVersionId id, string reason)
    {
        try
        {
            store.Update(id, manifest => manifest with { Status = ModelStatus.Failed, FailureReason = reason });
        }
        catch (ModelStoreWriteException e)
        {
            LogFailureNotRecorded(id, ReasonText.OneLine(e.Message));
        }
    }

    private async Task<IndexOutcome> IndexAsync(ModelBundle bundle, IProgress<IndexingProgress>? progress, CancellationToken cancellationToken)
    {
        var manifest = bundle.Manifest;
        var train = _roots.Open("The training folder", manifest.Datasets.Train.Path, manifest.ClassNames);
        var validationFolder = manifest.Datasets.Validation is { } source ? _roots.Open("The validation folder", source.Path, manifest.ClassNames) : null;
        var warnings = new List<string>();
        var batchSize = inference.Value.BatchSize;
        using var model = ServedModel.Load(bundle, kinds, inference.Value.Device);

        var trainSet = embedder.Embed(model, train, TrainSplit, batchSize, Reporter(progress, IndexingPhases.TrainFeatures), cancellationToken);
        progress?.Report(new IndexingProgress(IndexingPhases.FailureSet, 0, 1));
        var selected = ZeroShotFailureSet.Select(trainSet.FineTunedFeatures, trainSet.Logits, trainSet.Labels);
        var rank = NeighbourRank.Resolve(manifest.KSelection.Rule, selected.Count, selected.TrainingRows, manifest.KSelection.K);
        if (selected.IsEmpty)
        {
            warnings.Add("The zero-shot failure set is empty (no training image is right for the fine-tuned model and wrong for the " +
                         "zero-shot one): every distance is +infinity and ω = 0, so VRF serves the zero-shot model.");
        }
        if (rank.WasClamped)
        {
            warnings.Add($"Explicit K = {rank.Requested} is outside [1, |V| = {selected.Count}]; clamped to K = {rank.K}.");
        }
        var failures = FailureSet.From(selected, trainSet.Labels, trainSet.SampleIds);
        FailureSetFile.Write(bundle.FailureSetPath, failures);
        await index.StoreAsync(bundle.Id, failures, cancellationToken);
        progress?.Report(new IndexingProgress(IndexingPhases.FailureSet, 1, 1));

        var trainMetrics = new SplitMetrics(train.Count, trainSet.Skipped.Count,
            Accuracy.Of(trainSet.Logits.ZeroShot, trainSet.Labels), Accuracy.Of(trainSet.Logits.FineTuned, trainSet.Labels), null, null);
        var skipped = trainSet.Skipped.ToList();
        VrfParameters parameters;
        SplitMetrics? validationMetrics = null;
        if (validationFolder is null)
        {
            warnings.Add($"No validation folder: T_zs = T_ft = 1, a = {VrfParameters.DefaultA}, b = {VrfParameters.DefaultB} and " +
                         $"α = {VrfParameters.DefaultOseAlpha} are defaults, not tuned to this data, and there is no validation " +
                         "distribution of d, so results carry no distance percentile and the drift monitor does not watch this version.");
            parameters = new VrfParameters(VrfParameters.DefaultA, VrfParameters.DefaultB, rank.K, rank.Rule, selected.Count, 1, 1,
                VrfParameters.DefaultOseAlpha, ParameterSource.Defaults);
        }
        else
        {
            var validation = embedder.Embed(model, validationFolder, ValidationSplit, batchSize,
                Reporter(progress, IndexingPhases.ValidationFeatures), cancellationToken);
            skipped.AddRange(validation.Skipped);
            ValidationDistribution distribution;
            (parameters, validationMetrics, distribution) = await TuneAsync(bundle.Id, validation, validationFolder.Count, rank,
                selected.Count, warnings, progress, cancellationToken);
            ValidationDistributionFile.Write(Path.Combine(bundle.Folder, BundleFiles.ValidationDistributionFileName), distribution);
        }
        if (skipped.Count > 0)
        {
            warnings.Add($"{skipped.Count} image(s) could not be decoded and were left out (see metrics.skipped_images).");
        }
        var metrics = new ModelMetrics(trainMetrics, validationMetrics, (double)selected.Count / selected.TrainingRows, skipped);
        return new IndexOutcome(parameters, metrics, warnings, RecordedValidation: validationFolder is not null);
    }

    /// <summary>Temperatures, (a, b) and α tuned on the validation images, their accuracies, and what the version did on
    /// them: d and the VRF prediction of each, with the tuned parameters.</summary>
    private async Task<(VrfParameters, SplitMetrics, ValidationDistribution)> TuneAsync(ModelVersionId id, EmbeddedDataset validation, int images,
        NeighbourRank rank, int failureCount, List<string> warnings, IProgress<IndexingProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new IndexingProgress(IndexingPhases.Calibration, 0, 2));
        var zeroShotTemperature = Calibrate(validation.Logits.ZeroShot, validation.Labels, "zero-shot", warnings);
        progress?.Report(new IndexingProgress(IndexingPhases.Calibration, 1, 2));
        var fineTunedTemperature = Calibrate(validation.Logits.FineTuned, validation.Labels, "fine-tuned", warnings);
        progress?.Report(new IndexingProgress(IndexingPhases.Calibration, 2, 2));
        var temperatures = new Temperatures(zeroShotTemperature, fineTunedTemperature);

        progress?.Report(new IndexingProgress(IndexingPhases.WeightTuning, 0, 1));
        var measured = await index.MeasureAsync(id, validation.FeatureRows(), rank.K, cancellationToken: cancellationToken);
        double[] distances = [.. measured.Select(distance => distance.Distance)];
        var weightSearch = VrfParameterSearch.Run(validation.Logits, validation.Labels, distances, temperatures,
            EvaluationParameters.DefaultVrfAGrid, EvaluationParameters.DefaultVrfBGrid);
        var alphaSearch = OseAlphaSearch.Run(validation.Logits, validation.Labels, EvaluationParameters.DefaultOseAlphaGrid);
        progress?.Report(new IndexingProgress(IndexingPhases.WeightTuning, 1, 1));

        var best = weightSearch.Best;
        var parameters = new VrfParameters(best.A, best.B, rank.K, rank.Rule, failureCount, zeroShotTemperature, fineTunedTemperature,
            alphaSearch.Alpha, ParameterSource.Validation);
        var predicted = new VrfEnsemble(validation.Logits, temperatures).Predict(best.At(distances));
        var metrics = new SplitMetrics(
            images,
            validation.Skipped.Count,
            Accuracy.Of(validation.Logits.ZeroShot, validation.Labels),
            Accuracy.Of(validation.Logits.FineTuned, validation.Labels),
            Accuracy.Of(predicted, validation.Labels),
            Accuracy.Of(new OutputSpaceEnsemble(validation.Logits).Predict(alphaSearch.Alpha), validation.Labels));
        return (parameters, metrics, ValidationDistribution.Measure(distances, predicted, validation.Logits.ZeroShot.Columns));
    }

    /// <summary>The reference temperature search; T = 1 with a warning when it cannot match the accuracy.</summary>
    private double Calibrate(Matrix logits, IReadOnlyList<int> labels, string role, List<string> warnings)
    {
        try
        {
            return TemperatureCalibration.Reference.Fit(logits, labels).Temperature;
        }
        catch (CalibrationFailedException e)
        {
            warnings.Add($"The {role} temperature could not be calibrated on the validation images, so T = 1: {e.Message}");
            LogCalibrationFailed(role, e.Message);
            return 1;
        }
    }

    private static Action<int, int>? Reporter(IProgress<IndexingProgress>? progress, string phase) =>
        progress is null ? null : (completed, total) => progress.Report(new IndexingProgress(phase, completed, total));

    private sealed record IndexOutcome(VrfParameters Parameters, ModelMetrics Metrics, IReadOnlyList<string> Warnings, bool RecordedValidation);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} is ready: |V| = {FailureCount}, K = {K}, a = {A}, b = {B}")]
    private partial void LogReady(ModelVersionId model, int failureCount, int k, double a, double b);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} is already ready; nothing to build")]
    private partial void LogAlreadyReady(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing {Model} was cancelled; it stays indexing")]
    private partial void LogCancelled(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing {Model} failed: {Reason}")]
    private partial void LogFailed(ModelVersionId model, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Model} stays indexing: its failure cannot be recorded ({Reason})")]
    private partial void LogFailureNotRecorded(ModelVersionId model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Role} temperature could not be calibrated; using T = 1: {Reason}")]
    private partial void LogCalibrationFailed(string role, string reason);
}
