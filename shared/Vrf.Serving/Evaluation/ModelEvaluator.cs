using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Encoders;
using Vrf.Method;
using Vrf.Monitoring;
using Vrf.Serving.Datasets;
using Vrf.Serving.Failures;
using Vrf.Serving.Indexing;
using Vrf.Serving.Inference;
using Vrf.Serving.Scoring;
using Vrf.Serving.Store;
using Vrf.Serving.WeightSpace;

namespace Vrf.Serving.Evaluation;

/// <summary>
/// <c>vrf eval</c>'s computation: runs a ready version over the ID and OOD splits (both served models, through the
/// cache) and scores every method the way serving scores an image: zero-shot, fine-tuned, OSE and VRF with
/// <see cref="EnsembleScorer"/> and the version's parameters, d from the configured <see cref="IFailureIndex"/>; the
/// weight-space ensemble with its α chosen on the version's validation images (α = 0.5 without them). An OOD split that
/// holds only some of the classes is scored over those, the others' logits masked. Per split it also measures what a
/// per-image ensemble could gain (<see cref="Headroom"/>), how well d tells the split from the ID images
/// (<see cref="ShiftDetection"/>) and what the drift monitor would have said of its images
/// (<see cref="MonitoringTrials"/>). The table is kept in the store's <see cref="EvaluationRecords"/> as the version's
/// last evaluation.
/// </summary>
public sealed partial class ModelEvaluator(
    ModelStore store,
    IFailureIndex index,
    DatasetEmbedder embedder,
    EvaluationCache cache,
    EvaluationRecords records,
    EncoderKinds kinds,
    IOptions<InferenceOptions> inference,
    ILogger<ModelEvaluator> logger)
{
    private const int DistanceQueriesPerCall = 1024;

    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    /// <exception cref="ModelNotReadyException">The version is not ready.</exception>
    /// <exception cref="EvaluationException">No ID split, a bad or repeated OOD name, no method.</exception>
    /// <exception cref="DatasetException">A split folder lacks the model's classes or holds no images.</exception>
    public async Task<ModelEvaluation> EvaluateAsync(ModelEvaluationRequest request, IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Methods.Count == 0)
        {
            throw new EvaluationException("No method to evaluate.");
        }
        RequireSplitNames(request.OutOfDistribution);
        var bundle = store.Resolve(request.Model);
        var idFolder = request.InDistribution ?? bundle.Manifest.Datasets.Test?.Path
            ?? throw new EvaluationException(
                $"Model {bundle.Id} has no test split recorded: give the ID test images (--id DIR), or import the model with --test DIR.");
        EvaluationSplit[] splits = [new(ModelEvaluationRequest.InDistributionName, idFolder), .. request.OutOfDistribution];
        List<ImageFolderDataset> datasets =
        [
            ImageFolderDataset.Open(idFolder, bundle.Manifest.ClassNames),
            .. request.OutOfDistribution.Select(split => ImageFolderDataset.OpenSubset(split.Folder, bundle.Manifest.ClassNames)),
        ];
        var batchSize = request.BatchSize ?? inference.Value.BatchSize;
        var wse = request.Methods.Contains(EvaluationMethod.WeightSpace);

        using var models = new LazyModels(bundle, kinds, inference.Value.Device);
        var outputs = new List<(SplitOutputs Outputs, bool Cached)>(splits.Length);
        for (var i = 0; i < splits.Length; i++)
        {
            var (split, dataset) = (splits[i], datasets[i]);
            outputs.Add(cache.Outputs(bundle, dataset, () => SplitOutputs.From(
                embedder.Embed(models.Served, dataset, split.Name, batchSize, Reporter(progress, split.Name), cancellationToken))));
            if (outputs[i].Cached)
            {
                progress?.Report(new EvaluationProgress(split.Name, dataset.Count, dataset.Count));
            }
        }
        models.FreeServed();

        var choice = wse ? ChooseWeightSpaceAlpha(bundle, models, batchSize, progress, cancellationToken) : null;
        var distances = new List<double[]>(splits.Length);
        foreach (var (scored, _) in outputs)
        {
            distances.Add(await DistancesAsync(bundle, scored, cancellationToken));
        }
        var scorings = Enumerable.Range(0, splits.Length)
            .Select(i => new SplitScoring(bundle, outputs[i].Outputs, distances[i], MaskOf(datasets[i]))).ToArray();
        var (monitoring, monitorNotTried) = Monitoring(bundle, outputs[0].Outputs.Rows);
        var results = new List<SplitEvaluation>(splits.Length);
        for (var i = 0; i < splits.Length; i++)
        {
            var (split, dataset, (scored, cached), scoring) = (splits[i], datasets[i], outputs[i], scorings[i]);
            var mask = MaskOf(dataset);
            LabelledLogits? interpolated = null;
            if (choice is not null)
            {
                (interpolated, var wseCached) = WeightSpaceLogits(bundle, models, dataset, choice.Alpha, batchSize,
                    $"{split.Name} (wse)", progress, cancellationToken);
                cached &= wseCached;
            }
            var accuracies = request.Methods.ToDictionary(method => method, method => method == EvaluationMethod.WeightSpace
                ? WeightSpaceAccuracy(interpolated!, scored, mask)
                : scoring.Accuracy(method));
            var diagnostics = i == 0
                ? new SplitDiagnostics(scoring.Headroom(), null, FalseAlarms: monitoring?.FalseAlarms(scorings[0].Monitored()))
                : new SplitDiagnostics(scoring.Headroom(), ShiftDetection.Auroc(distances[0], distances[i]),
                    Detection: monitoring?.Delay(scorings[0].Monitored(), scoring.Monitored()));
            results.Add(new SplitEvaluation(split.Name, dataset.Folder, scored.Rows, scored.Skipped, cached, accuracies, diagnostics,
                dataset.PresentClasses.Count));
            LogSplit(bundle.Id, split.Name, scored.Rows, cached);
        }
        var evaluation = new ModelEvaluation(bundle.Id, bundle.Manifest.ClassCount, request.Methods, results[0], results[1..],
            bundle.Parameters, choice, monitorNotTried);
        records.Save(bundle.Id, EvaluationRecord.From(evaluation, DateTimeOffset.UtcNow));
        return evaluation;
    }

    private WeightSpaceChoice ChooseWeightSpaceAlpha(ModelBundle bundle, LazyModels models, int batchSize,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        if (bundle.Manifest.Datasets.Validation is not { } validation)
        {
            LogDefaultAlpha(bundle.Id, WeightSpaceAlphaSearch.DefaultAlpha);
            return new WeightSpaceChoice(WeightSpaceAlphaSearch.DefaultAlpha, null);
        }
        var dataset = ImageFolderDataset.Open(validation.Path, bundle.Manifest.ClassNames);
        var search = WeightSpaceAlphaSearch.Run(WeightSpaceAlphaSearch.DefaultGrid, alpha =>
            WeightSpaceLogits(bundle, models, dataset, alpha, batchSize, $"validation (wse α = {alpha:0.0})", progress, cancellationToken).Logits);
        return new WeightSpaceChoice(search.Alpha, search);
    }

    private (LabelledLogits Logits, bool Cached) WeightSpaceLogits(ModelBundle bundle, LazyModels models, ImageFolderDataset dataset,
        double alpha, int batchSize, string stage, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var (logits, cached) = cache.WeightSpaceLogits(bundle, dataset, alpha, () =>
        {
            var model = models.WeightSpace;
            if (model.Alpha != alpha)
            {
                model.Interpolate(alpha);
            }
            return InterpolatedDatasetLogits.Compute(model, dataset, batchSize, Reporter(progress, stage), cancellationToken);
        });
        if (cached)
        {
            progress?.Report(new EvaluationProgress(stage, dataset.Count, dataset.Count));
        }
        return (logits, cached);
    }

    /// <summary>The drift monitor's trials over the splits, against the version's validation distribution with the
    /// monitor's default window; or why there are none: the version has no validation distribution, or the ID split
    /// holds fewer images than a window (replayed, a few images repeated would look like a shift of their own).</summary>
    private (MonitoringTrials? Trials, string? NotTried) Monitoring(ModelBundle bundle, int idImages)
    {
        var options = new DriftWindowOptions();
        var notTried = bundle.ValidationDistributionPath is null
            ? $"{bundle.Id} has no validation distribution (it was indexed without validation images)."
            : idImages < options.Capacity
                ? $"the ID split holds {idImages} images, fewer than a window of the drift monitor ({options.Capacity})."
                : null;
        if (notTried is not null)
        {
            LogNotMonitored(bundle.Id, notTried);
            return (null, notTried);
        }
        return (new MonitoringTrials(ValidationDistributionFile.Read(bundle.ValidationDistributionPath!), options), null);
    }

    /// <summary>The classes a split is scored over: null when it holds every class.</summary>
    private static ClassMask? MaskOf(ImageFolderDataset dataset) =>
        dataset.IsSubset ? new ClassMask([.. dataset.ClassNames.Select((_, label) => dataset.PresentClasses.Contains(label))]) : null;

    /// <summary>One split's images scored as the scorer service scores them, in any mode but the weight-space ensemble's.</summary>
    private sealed class SplitScoring(ModelBundle bundle, SplitOutputs outputs, double[] distances, ClassMask? mask)
    {
        private readonly Dictionary<ScoringMode, int[]> _predictions = [];
        private MonitoredResult[]? _monitored;

        public double Accuracy(EvaluationMethod method) => Method.Accuracy.Of(Predict(method switch
        {
            EvaluationMethod.ZeroShot => ScoringMode.ZeroShot,
            EvaluationMethod.FineTuned => ScoringMode.FineTuned,
            EvaluationMethod.OutputSpace => ScoringMode.OutputSpace,
            EvaluationMethod.Vrf => ScoringMode.Vrf,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not scored from the served models' outputs."),
        }), outputs.Labels);

        public double Headroom() => Method.Headroom.Of(Predict(ScoringMode.ZeroShot), Predict(ScoringMode.FineTuned), outputs.Labels);

        /// <summary>Each image as the drift monitor would see it served with VRF.</summary>
        public IReadOnlyList<MonitoredResult> Monitored() => _monitored ??=
        [
            .. Enumerable.Range(0, outputs.Rows).Select(row =>
            {
                var score = EnsembleScorer.Score(outputs.ZeroShotLogits[row], outputs.FineTunedLogits[row], bundle.Manifest.ClassCount,
                    bundle.Parameters, ScoringMode.Vrf, distances[row], mask: mask);
                return new MonitoredResult(score.PredictedClass, Argmax.Of(score.ZeroShotProbabilities), Argmax.Of(score.FineTunedProbabilities),
                    score.Distance, score.Weight);
            }),
        ];

        private int[] Predict(ScoringMode mode)
        {
            if (!_predictions.TryGetValue(mode, out var predictions))
            {
                var parameters = bundle.Parameters;
                predictions =
                [
                    .. Enumerable.Range(0, outputs.Rows).Select(row => EnsembleScorer.Score(outputs.ZeroShotLogits[row], outputs.FineTunedLogits[row],
                        bundle.Manifest.ClassCount, parameters, mode, distances[row], mask: mask).PredictedClass),
                ];
                _predictions[mode] = predictions;
            }
            return predictions;
        }
    }

    /// <summary>d for every image, from the failure index serving uses, in calls of bounded size.</summary>
    private async Task<double[]> DistancesAsync(ModelBundle bundle, SplitOutputs outputs, CancellationToken cancellationToken)
    {
        var distances = new List<double>(outputs.Rows);
        foreach (var chunk in outputs.FineTunedFeatures.Chunk(DistanceQueriesPerCall))
        {
            var measured = await index.MeasureAsync(bundle.Id, chunk, bundle.Parameters.K, cancellationToken: cancellationToken);
            distances.AddRange(measured.Select(distance => distance.Distance));
        }
        return [.. distances];
    }

    private static double WeightSpaceAccuracy(LabelledLogits interpolated, SplitOutputs outputs, ClassMask? mask) =>
        interpolated.Labels.SequenceEqual(outputs.Labels)
            ? interpolated.Accuracy(mask)
            : throw new InvalidOperationException("The weight-space model and the served models were scored on different images.");

    private static void RequireSplitNames(IReadOnlyList<EvaluationSplit> splits)
    {
        foreach (var split in splits)
        {
            if (!SplitName().IsMatch(split.Name))
            {
                throw new EvaluationException(
                    $"'{split.Name}' cannot name a split: use letters, digits, '.', '_' or '-', starting with a letter or digit.");
            }
            if (split.Name is ModelEvaluationRequest.InDistributionName or ModelEvaluationRequest.OutOfDistributionMeanName)
            {
                throw new EvaluationException($"'{split.Name}' is a reserved column name; give the OOD split another name.");
            }
        }
        if (splits.GroupBy(split => split.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } repeated)
        {
            throw new EvaluationException($"Two OOD splits are named '{repeated.Key}'; give each its own name.");
        }
    }

    private static Action<int, int>? Reporter(IProgress<EvaluationProgress>? progress, string stage) =>
        progress is null ? null : (completed, total) => progress.Report(new EvaluationProgress(stage, completed, total));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SplitName();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model}: scored {Images} images of {Split} ({Cached})")]
    private partial void LogSplit(ModelVersionId model, string split, int images, bool cached);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model}: no drift-monitor trials, because {Reason}")]
    private partial void LogNotMonitored(ModelVersionId model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Model} has no validation images: the weight-space ensemble uses α = {Alpha}")]
    private partial void LogDefaultAlpha(ModelVersionId model, double alpha);

    /// <summary>The served model and the weight-space model, each loaded the first time it is needed (never, when the cache
    /// holds everything).</summary>
    private sealed class LazyModels(ModelBundle bundle, EncoderKinds kinds, string device) : IDisposable
    {
        private ServedModel? _served;
        private WeightSpaceModel? _weightSpace;

        public ServedModel Served => _served ??= ServedModel.Load(bundle, kinds, device);

        public WeightSpaceModel WeightSpace => _weightSpace ??= WeightSpaceModel.Load(bundle, kinds, device);

        /// <summary>Frees the served model once every split's outputs are in, before the weight-space model loads.</summary>
        public void FreeServed()
        {
            _served?.Dispose();
            _served = null;
        }

        public void Dispose()
        {
            _served?.Dispose();
            _weightSpace?.Dispose();
        }
    }
}
