using Vrf.Clip.Configuration;
using Vrf.Clip.Preprocessing;
using Vrf.Encoders;

namespace Vrf.Clip;

/// <summary>
/// The <c>clip</c> encoder kind: a Hugging Face <c>CLIPModel</c> folder (<c>config.json</c>, <c>model.safetensors</c>,
/// the tokenizer's <c>vocab.json</c> and <c>merges.txt</c>, <c>preprocessor_config.json</c>), whose image tower is the
/// encoder and whose text tower builds zero-shot heads from prompts. Bundles written before encoder kinds were recorded
/// hold this kind.
/// </summary>
public sealed class ClipEncoderKind : IEncoderKind
{
    public const string KindName = "clip";

    private static readonly string[] TokenizerFiles = ["vocab.json", "merges.txt"];

    public string Name => KindName;

    public EncoderFolderInfo Inspect(string folder, string role, EncoderFolderUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        List<string> required = [ClipConfig.FileName, ClipModelFolder.WeightsFileName];
        if (use.TextTower)
        {
            required.AddRange(TokenizerFiles);
        }
        if (use.Preprocessing)
        {
            required.Add(ImageProcessorConfig.FileName);
        }
        var missing = required.Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        if (missing.Count > 0)
        {
            throw new EncoderFolderException(
                $"The {role} model folder '{folder}' lacks {string.Join(", ", missing)}: it must be a Hugging Face CLIPModel folder.");
        }
        var config = ReadConfig(folder, role);
        return new EncoderFolderInfo(config.ProjectionDim, config.Vision.ImageSize);
    }

    public IImagePreprocessor OpenPreprocessor(string folder) =>
        new ClipPreprocessor(ClipImageProcessor.FromFolder(folder), ClipConfig.Load(Path.Combine(folder, ClipConfig.FileName)).Vision.ImageSize);

    public IImageEncoder Load(string folder, string device) =>
        new ClipImageEncoder(ClipModelFolder.Load(folder, new ClipLoadOptions { Device = device }), folder);

    private static ClipConfig ReadConfig(string folder, string role)
    {
        try
        {
            return ClipConfig.Load(Path.Combine(folder, ClipConfig.FileName));
        }
        catch (InvalidDataException e)
        {
            throw new EncoderFolderException($"The {role} model's config.json cannot be used: {e.Message}", e);
        }
    }
}
