using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Datasets;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Serving.Import;

/// <summary>
/// Creates a model version from two encoder folders of one kind (or, given none, both from the kind's pretrained
/// weights), a classes file and datasets: checks everything first, then has the bundle writer copy the folders into a
/// new bundle, builds the zero-shot head with the requested head
/// builder (and the fine-tuned one the same way when no head file is given) and writes the manifest with status
/// <see cref="ModelStatus.Indexing"/>. The failure index is built afterwards by <see cref="Indexing.FailureIndexBuilder"/>.
/// </summary>
public sealed partial class ModelImporter(
    BundleWriter writer,
    EncoderKinds kinds,
    ZeroShotHeadBuilders headBuilders,
    IOptions<InferenceOptions> inference,
    ILogger<ModelImporter> logger)
{
    /// <exception cref="ModelImportException">An encoder folder, head, recipe file, encoder kind or head builder cannot be used.</exception>
    /// <exception cref="DatasetException">The classes file or a dataset folder cannot be used.</exception>
    /// <exception cref="InvalidModelNameException">The name breaks the naming rule.</exception>
    public ModelBundle Import(ModelImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModelName.Validate(request.Name);
        var kind = Known(() => kinds.Get(request.EncoderKind));
        var headBuilder = Known(() => headBuilders.Get(request.ZeroShotHeadBuilder));
        var classNames = ClassNames.Load(request.Classes);
        var templates = HeadRecipe(headBuilder, request.Templates);
        var train = ImageFolderDataset.Open(request.Train, classNames);
        var validation = request.Validation is null ? null : ImageFolderDataset.Open(request.Validation, classNames);
        var test = request.Test is null ? null : ImageFolderDataset.Open(request.Test, classNames);
        using var folders = ImportedEncoderFolders.Resolve(kind, request);
        var zeroShot = Inspect(kind, folders.ZeroShot, "zero-shot", new EncoderFolderUse(Preprocessing: true, headBuilder.NeedsTextTower));
        var fineTuned = Inspect(kind, folders.FineTuned, "fine-tuned",
            new EncoderFolderUse(Preprocessing: false, request.FineTunedHead is null && headBuilder.NeedsTextTower));
        if (zeroShot.ImageSize != fineTuned.ImageSize)
        {
            throw new ModelImportException(
                $"The zero-shot model takes {zeroShot.ImageSize}-pixel images but the fine-tuned one {fineTuned.ImageSize}: " +
                "both must share the zero-shot model's preprocessing.");
        }
        if (request.FineTunedHead is { } headFile && !File.Exists(headFile))
        {
            throw new ModelImportException($"Fine-tuned head file '{headFile}' does not exist.");
        }

        var bundle = writer.Write(request.Name, id =>
        {
            var heads = new HeadBuild(kind, headBuilder, kind.OpenPreprocessor(folders.ZeroShot), classNames, templates,
                inference.Value.Device, warning => LogHeadWarning(id, warning),
                validation is null ? [] : [.. validation.Samples.Select(sample => new CalibrationImage(sample.Path, sample.Label))]);
            return new NewVersion
            {
                EncoderKind = kind.Name,
                ZeroShotEncoder = BundlePart.CopyOfFolder(folders.ZeroShot),
                FineTunedEncoder = BundlePart.CopyOfFolder(folders.FineTuned),
                ZeroShotHead = BundlePart.WrittenBy(path => heads.Write(folders.ZeroShot, path)),
                FineTunedHead = request.FineTunedHead is { } given
                    ? BundlePart.WrittenBy(path => CopyHead(given, classNames.Count, fineTuned.EmbeddingDim, path))
                    : BundlePart.WrittenBy(path => heads.Write(folders.FineTuned, path)),
                ClassNames = classNames,
                ZeroShotHeadBuilder = headBuilder.Name,
                Templates = templates,
                EmbeddingDim = fineTuned.EmbeddingDim,
                Sources = new ModelSources(
                    folders.ZeroShotSource,
                    folders.FineTunedSource,
                    request.FineTunedHead is null ? null : Path.GetFullPath(request.FineTunedHead),
                    Path.GetFullPath(request.Classes),
                    request.Templates is null ? null : Path.GetFullPath(request.Templates)),
                Datasets = new DatasetSources(
                    new DatasetSource(train.Folder, train.Count),
                    validation is null ? null : new DatasetSource(validation.Folder, validation.Count),
                    test is null ? null : new DatasetSource(test.Folder, test.Count)),
                KSelection = request.KSelection ?? KSelection.Paper,
            };
        });
        LogImported(bundle.Id, classNames.Count, train.Count, validation?.Count ?? 0);
        return bundle;
    }

    private static T Known<T>(Func<T> lookUp)
    {
        try
        {
            return lookUp();
        }
        catch (InvalidDataException e)
        {
            throw new ModelImportException(e.Message, e);
        }
    }

    private static IReadOnlyList<string> HeadRecipe(IZeroShotHeadBuilder builder, string? file)
    {
        try
        {
            return builder.Recipe(file);
        }
        catch (ZeroShotHeadException e)
        {
            throw new ModelImportException(e.Message, e);
        }
    }

    private static EncoderFolderInfo Inspect(IEncoderKind kind, string folder, string role, EncoderFolderUse use)
    {
        if (!Directory.Exists(folder))
        {
            throw new ModelImportException($"The {role} model folder '{folder}' does not exist.");
        }
        try
        {
            return kind.Inspect(folder, role, use);
        }
        catch (EncoderFolderException e)
        {
            throw new ModelImportException(e.Message, e);
        }
    }

    /// <summary>Copies a given fine-tuned head once it is known to fit the classes and the fine-tuned encoder.</summary>
    private static void CopyHead(string headFile, int classCount, int embeddingDim, string target)
    {
        using (var head = LoadHead(headFile))
        {
            if (head.ClassCount != classCount || head.EmbeddingDim != embeddingDim)
            {
                throw new ModelImportException(
                    $"Fine-tuned head '{headFile}' maps {head.EmbeddingDim}-dimensional features to {head.ClassCount} classes, but the " +
                    $"fine-tuned model embeds in {embeddingDim} dimensions and the classes file names {classCount} classes.");
            }
        }
        File.Copy(headFile, target);
    }

    private static ZeroShotHead LoadHead(string path)
    {
        try
        {
            return ZeroShotHead.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or KeyNotFoundException)
        {
            throw new ModelImportException($"Fine-tuned head '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Builds a head with one of the import's encoders and the head builder, and writes it; a second head of the
    /// same folder (both models from the same weights) is a copy of the first.</summary>
    private sealed class HeadBuild(IEncoderKind kind, IZeroShotHeadBuilder builder, IImagePreprocessor preprocessor,
        IReadOnlyList<string> classNames, IReadOnlyList<string> recipe, string device, Action<string> warning,
        IReadOnlyList<CalibrationImage> validationImages)
    {
        private (string Folder, string Head)? _written;

        public void Write(string encoderFolder, string target)
        {
            if (_written is { } written && written.Folder == encoderFolder)
            {
                File.Copy(written.Head, target);
                return;
            }
            using (var encoder = kind.Load(encoderFolder, device))
            using (var head = Build(encoder))
            {
                head.Save(target);
            }
            _written = (encoderFolder, target);
        }

        private ZeroShotHead Build(IImageEncoder encoder)
        {
            try
            {
                return builder.Build(new ZeroShotHeadRequest(encoder, preprocessor, classNames, recipe, warning, validationImages));
            }
            catch (ZeroShotHeadException e)
            {
                throw new ModelImportException(e.Message, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Imported {Model}: {Classes} classes, {TrainImages} training and {ValidationImages} validation images; waiting for indexing")]
    private partial void LogImported(ModelVersionId model, int classes, int trainImages, int validationImages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the heads of {Model}: {Warning}")]
    private partial void LogHeadWarning(ModelVersionId model, string warning);
}
