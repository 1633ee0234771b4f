using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Encoders;
using Vrf.Serving.Datasets;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Serving.WeightSpace;

/// <summary>
/// Makes a weight-space ensemble (WiSE-FT) of a version as the model's next version: its fine-tuned encoder folder and
/// head are (1 − α)·zero-shot + α·fine-tuned of the source's, its zero-shot folder and head, classes, templates,
/// datasets and K rule are the source's. α is given, or chosen on the source's validation images. The new version
/// is written with status <see cref="ModelStatus.Indexing"/>, to be indexed like an import.
/// </summary>
public sealed partial class WeightSpaceEnsembleBuilder(
    ModelStore store,
    BundleWriter writer,
    EncoderKinds kinds,
    IOptions<InferenceOptions> inference,
    ILogger<WeightSpaceEnsembleBuilder> logger)
{
    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    /// <exception cref="WeightSpaceException">An α outside [0, 1], no validation images to choose it on, towers of different shapes.</exception>
    /// <exception cref="DatasetException">The validation folder cannot be used.</exception>
    public ModelBundle Create(WeightSpaceEnsembleRequest request, IProgress<WeightSpaceProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = store.Find(request.Source);
        if (request.Alpha is { } given && !(given >= 0 && given <= 1))
        {
            throw new WeightSpaceException($"α must lie in [0, 1], not {given}.");
        }
        var validation = request.Alpha is null ? OpenValidation(source) : null;
        using var model = WeightSpaceModel.Load(source, kinds, inference.Value.Device);

        WeightSpaceEnsemble record;
        if (validation is null)
        {
            record = new WeightSpaceEnsemble(source.Id.Version, request.Alpha!.Value, ChosenOnValidation: false, []);
        }
        else
        {
            var search = ChooseAlpha(model, validation, progress, cancellationToken);
            record = new WeightSpaceEnsemble(source.Id.Version, search.Alpha, ChosenOnValidation: true, search.PerAlpha());
            LogAlphaChosen(source.Id, search.Alpha, search.Accuracies.Max());
        }
        model.Interpolate(record.Alpha);

        progress?.Report(new WeightSpaceProgress(WeightSpacePhases.Bundle, 0, 1));
        var created = writer.Write(source.Id.Name, _ => Describe(source, model, record));
        progress?.Report(new WeightSpaceProgress(WeightSpacePhases.Bundle, 1, 1));
        LogCreated(created.Id, source.Id, record.Alpha);
        return created;
    }

    private WeightSpaceAlphaSearch ChooseAlpha(WeightSpaceModel model, ImageFolderDataset validation, IProgress<WeightSpaceProgress>? progress,
        CancellationToken cancellationToken)
    {
        var grid = WeightSpaceAlphaSearch.DefaultGrid;
        var total = grid.Count * validation.Count;
        var step = 0;
        return WeightSpaceAlphaSearch.Run(grid, alpha =>
        {
            model.Interpolate(alpha);
            var offset = step++ * validation.Count;
            return InterpolatedDatasetLogits.Compute(model, validation, inference.Value.BatchSize,
                progress is null ? null : (done, _) => progress.Report(new WeightSpaceProgress(WeightSpacePhases.AlphaSearch, offset + done, total)),
                cancellationToken);
        });
    }

    private static ImageFolderDataset OpenValidation(ModelBundle source) =>
        source.Manifest.Datasets.Validation is { } validation
            ? ImageFolderDataset.Open(validation.Path, source.Manifest.ClassNames)
            : throw new WeightSpaceException(
                $"Model {source.Id} has no validation images to choose α on: give α (--alpha), or import the model with --val.");

    /// <summary>The source's version with the interpolated encoder and head as its fine-tuned side.</summary>
    private static NewVersion Describe(ModelBundle source, WeightSpaceModel model, WeightSpaceEnsemble record)
    {
        var manifest = source.Manifest;
        return new NewVersion
        {
            EncoderKind = manifest.EncoderKind,
            ZeroShotEncoder = BundlePart.CopyOfFolder(source.ZeroShotModelFolder),
            FineTunedEncoder = BundlePart.Encoder(model.Encoder),
            ZeroShotHead = BundlePart.CopyOfFile(source.ZeroShotHeadPath),
            FineTunedHead = BundlePart.Head(model.Head),
            ClassNames = manifest.ClassNames,
            ZeroShotHeadBuilder = manifest.ZeroShotHeadBuilder,
            Templates = manifest.Templates,
            EmbeddingDim = manifest.EmbeddingDim,
            Sources = new ModelSources(source.ZeroShotModelFolder, source.FineTunedModelFolder, source.FineTunedHeadPath,
                source.ClassesPath, source.TemplatesPath),
            Datasets = manifest.Datasets,
            KSelection = manifest.KSelection,
            Training = manifest.Training,
            WeightSpaceEnsemble = record,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weight-space ensemble of {Model}: α = {Alpha} chosen on validation (accuracy {Accuracy})")]
    private partial void LogAlphaChosen(ModelVersionId model, double alpha, double accuracy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Model}, the weight-space ensemble of {Source} at α = {Alpha}; waiting for indexing")]
    private partial void LogCreated(ModelVersionId model, ModelVersionId source, double alpha);
}
