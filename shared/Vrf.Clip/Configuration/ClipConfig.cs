namespace Vrf.Clip.Configuration;

/// <summary>
/// A Hugging Face <c>CLIPConfig</c>: both towers, the shared projection size and the initial logit scale (only an
/// initialiser: a loaded model uses its <c>logit_scale</c> weight).
/// </summary>
public sealed record ClipConfig
{
    public const string ModelType = "clip";
    public const string FileName = "config.json";

    public ClipTextConfig Text { get; init; } = new();
    public ClipVisionConfig Vision { get; init; } = new();
    public int ProjectionDim { get; init; } = 512;
    public double LogitScaleInitValue { get; init; } = 2.6592;

    /// <summary>Reads a <c>config.json</c> in the current or the legacy Hugging Face layout.</summary>
    public static ClipConfig Load(string path) => ClipConfigReader.Read(path);

    /// <summary>Writes this configuration in the current Hugging Face layout.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="torchDtype">The <c>torch_dtype</c> to record, e.g. <c>float32</c>.</param>
    public void Save(string path, string torchDtype) => ClipConfigWriter.Write(this, path, torchDtype);
}
