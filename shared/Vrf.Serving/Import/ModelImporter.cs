using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Clip;
using Vrf.Clip.Configuration;
using Vrf.Clip.Preprocessing;
using Vrf.Clip.ZeroShot;
using Vrf.Serving.Datasets;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Serving.Import;

/// <summary>
/// Creates a model version from two CLIP folders, a classes file and datasets: checks everything first, then copies
/// the models into a new bundle, builds the zero-shot head (and the fine-tuned one when no head file is given) and
/// writes the manifest with status <see cref="ModelStatus.Indexing"/>. The failure index is built afterwards by
/// <see cref="Indexing.FailureIndexBuilder"/>.
/// </summary>
public sealed partial class ModelImporter(ModelStore store, IOptions<InferenceOptions> inference, ILogger<ModelImporter> logger)
{
    /// <summary>The tokenizer files a folder needs when its text tower builds a head.</summary>
    private static readonly string[] TokenizerFiles = ["vocab.json", "merges.txt"];

    /// <exception cref="ModelImportException">A model folder, head or templates file cannot be used.</exception>
    /// <exception cref="DatasetException">The classes file or a dataset folder cannot be used.</exception>
    /// <exception cref="InvalidModelNameException">The name breaks the naming rule.</exception>
    public ModelBundle Import(ModelImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModelName.Validate(request.Name);
        var classNames = ClassNames.Load(request.Classes);
        var templates = LoadTemplates(request.Templates);
        var train = ImageFolderDataset.Open(request.Train, classNames);
        var validation = request.Validation is null ? null : ImageFolderDataset.Open(request.Validation, classNames);
        var test = request.Test is null ? null : ImageFolderDataset.Open(request.Test, classNames);
        var zeroShotConfig = RequireClipFolder(request.ZeroShotModel, "zero-shot", needsTokenizer: true, needsPreprocessor: true);
        var fineTunedConfig = RequireClipFolder(request.FineTunedModel, "fine-tuned", needsTokenizer: request.FineTunedHead is null,
            needsPreprocessor: false);
        if (zeroShotConfig.Vision.ImageSize != fineTunedConfig.Vision.ImageSize)
        {
            throw new ModelImportException(
                $"The zero-shot model takes {zeroShotConfig.Vision.ImageSize}-pixel images but the fine-tuned one {fineTunedConfig.Vision.ImageSize}: " +
                "both must share the zero-shot model's preprocessing.");
        }
        if (request.FineTunedHead is { } headFile && !File.Exists(headFile))
        {
            throw new ModelImportException($"Fine-tuned head file '{headFile}' does not exist.");
        }

        var device = inference.Value.Device;
        var bundle = store.CreateVersion(request.Name, (id, staging) =>
        {
            var files = BundleFiles.Standard;
            CopyFolder(request.ZeroShotModel, Path.Combine(staging, files.ZeroShotModel));
            CopyFolder(request.FineTunedModel, Path.Combine(staging, files.FineTunedModel));
            using (var zeroShotHead = PromptHead.Build(Path.Combine(staging, files.ZeroShotModel), classNames, templates, device,
                       prompt => LogTruncatedPrompt(id, prompt)))
            {
                zeroShotHead.Save(Path.Combine(staging, files.ZeroShotHead));
            }
            WriteFineTunedHead(request, classNames, templates, fineTunedConfig, Path.Combine(staging, files.FineTunedModel),
                Path.Combine(staging, files.FineTunedHead), device, id);
            ClassNames.Save(Path.Combine(staging, files.Classes), classNames);
            File.WriteAllLines(Path.Combine(staging, files.Templates), templates);
            return new ModelManifest
            {
                Name = id.Name,
                Version = id.Version,
                Status = ModelStatus.Indexing,
                CreatedAt = DateTimeOffset.UtcNow,
                ClassNames = classNames,
                EmbeddingDim = fineTunedConfig.ProjectionDim,
                Templates = templates,
                Files = files,
                Sources = new ModelSources(
                    Path.GetFullPath(request.ZeroShotModel),
                    Path.GetFullPath(request.FineTunedModel),
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

    private static IReadOnlyList<string> LoadTemplates(string? path)
    {
        if (path is null)
        {
            return ImageNetTemplates.OpenAi;
        }
        try
        {
            return PromptTemplates.Load(path);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException)
        {
            throw new ModelImportException(e.Message, e);
        }
    }

    private static ClipConfig RequireClipFolder(string folder, string role, bool needsTokenizer, bool needsPreprocessor)
    {
        if (!Directory.Exists(folder))
        {
            throw new ModelImportException($"The {role} model folder '{folder}' does not exist.");
        }
        List<string> required = [ClipConfig.FileName, ClipModelFolder.WeightsFileName];
        if (needsTokenizer)
        {
            required.AddRange(TokenizerFiles);
        }
        if (needsPreprocessor)
        {
            required.Add(ImageProcessorConfig.FileName);
        }
        var missing = required.Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        if (missing.Count > 0)
        {
            throw new ModelImportException(
                $"The {role} model folder '{folder}' lacks {string.Join(", ", missing)}: it must be a Hugging Face CLIPModel folder.");
        }
        try
        {
            return ClipConfig.Load(Path.Combine(folder, ClipConfig.FileName));
        }
        catch (InvalidDataException e)
        {
            throw new ModelImportException($"The {role} model's config.json cannot be used: {e.Message}", e);
        }
    }

    private void WriteFineTunedHead(ModelImportRequest request, IReadOnlyList<string> classNames, IReadOnlyList<string> templates,
        ClipConfig fineTunedConfig, string fineTunedFolder, string target, string device, ModelVersionId id)
    {
        if (request.FineTunedHead is not { } headFile)
        {
            using var built = PromptHead.Build(fineTunedFolder, classNames, templates, device, prompt => LogTruncatedPrompt(id, prompt));
            built.Save(target);
            return;
        }
        using (var head = LoadHead(headFile))
        {
            if (head.ClassCount != classNames.Count || head.EmbeddingDim != fineTunedConfig.ProjectionDim)
            {
                throw new ModelImportException(
                    $"Fine-tuned head '{headFile}' maps {head.EmbeddingDim}-dimensional features to {head.ClassCount} classes, but the " +
                    $"fine-tuned model embeds in {fineTunedConfig.ProjectionDim} dimensions and the classes file names {classNames.Count} classes.");
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

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Imported {Model}: {Classes} classes, {TrainImages} training and {ValidationImages} validation images; waiting for indexing")]
    private partial void LogImported(ModelVersionId model, int classes, int trainImages, int validationImages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the heads of {Model}: the prompt '{Prompt}' is longer than the text tower takes and was cut")]
    private partial void LogTruncatedPrompt(ModelVersionId model, string prompt);
}
