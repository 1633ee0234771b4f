using Vrf.Encoders;

namespace Vrf.Serving.Import;

/// <summary>
/// The two encoder folders an import copies into the bundle: the ones it was given, or, given none, one folder of the
/// kind's own pretrained weights (written to a temporary folder, deleted on dispose) standing for both, so the version
/// starts with a fine-tuned model equal to its zero-shot one.
/// </summary>
internal sealed class ImportedEncoderFolders : IDisposable
{
    private readonly string? _temporary;

    private ImportedEncoderFolders(string zeroShot, string fineTuned, string zeroShotSource, string fineTunedSource, string? temporary)
    {
        (ZeroShot, FineTuned, ZeroShotSource, FineTunedSource, _temporary) = (zeroShot, fineTuned, zeroShotSource, fineTunedSource, temporary);
    }

    public string ZeroShot { get; }

    public string FineTuned { get; }

    /// <summary>Where the zero-shot encoder came from, as the manifest records it.</summary>
    public string ZeroShotSource { get; }

    public string FineTunedSource { get; }

    /// <exception cref="ModelImportException">One folder is given without the other, options that need the pretrained
    /// weights come with folders, or the kind has no pretrained weights or cannot write them as asked.</exception>
    public static ImportedEncoderFolders Resolve(IEncoderKind kind, ModelImportRequest request)
    {
        switch (request.ZeroShotModel, request.FineTunedModel)
        {
            case ({ } zeroShot, { } fineTuned):
                if (request.Pretrained is not null)
                {
                    throw new ModelImportException(
                        "The input size and the preprocessing are chosen only when the encoders start from the kind's pretrained weights, not for given model folders.");
                }
                return new ImportedEncoderFolders(zeroShot, fineTuned, Path.GetFullPath(zeroShot), Path.GetFullPath(fineTuned), null);
            case (null, null):
                return Pretrained(kind, request.Pretrained ?? new PretrainedEncoderOptions());
            default:
                throw new ModelImportException(
                    "Give both the zero-shot and the fine-tuned model folder, or neither to start both from the encoder kind's pretrained weights.");
        }
    }

    public void Dispose()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }

    private static ImportedEncoderFolders Pretrained(IEncoderKind kind, PretrainedEncoderOptions options)
    {
        if (kind is not IPretrainedEncoderKind pretrained)
        {
            throw new ModelImportException(
                $"The {kind.Name} encoder kind has no pretrained weights of its own: give the zero-shot and the fine-tuned model folders.");
        }
        var folder = Path.Combine(Path.GetTempPath(), $"vrf-pretrained-{Guid.NewGuid():N}");
        try
        {
            pretrained.WritePretrained(folder, options);
        }
        catch (Exception e)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            throw e is EncoderFolderException ? new ModelImportException(e.Message, e) : e;
        }
        return new ImportedEncoderFolders(folder, folder, pretrained.PretrainedSource, pretrained.PretrainedSource, folder);
    }
}
