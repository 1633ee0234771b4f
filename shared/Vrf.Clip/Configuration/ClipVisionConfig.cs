namespace Vrf.Clip.Configuration;

/// <summary>
/// The vision tower (a ViT) of a CLIP model, as Hugging Face's <c>CLIPVisionConfig</c> describes it. The defaults are
/// those of transformers (the openai/clip-vit-base-patch32 image tower).
/// </summary>
public sealed record ClipVisionConfig
{
    public int HiddenSize { get; init; } = 768;
    public int IntermediateSize { get; init; } = 3072;
    public int ProjectionDim { get; init; } = 512;
    public int NumHiddenLayers { get; init; } = 12;
    public int NumAttentionHeads { get; init; } = 12;
    public int NumChannels { get; init; } = 3;
    public int ImageSize { get; init; } = 224;
    public int PatchSize { get; init; } = 32;
    public string HiddenAct { get; init; } = "quick_gelu";
    public double LayerNormEps { get; init; } = 1e-5;

    public int HeadDim => HiddenSize / NumAttentionHeads;

    /// <summary>Patches per side of the square input image.</summary>
    public int GridSize => ImageSize / PatchSize;

    /// <summary>Patches plus the class token.</summary>
    public int NumPositions => GridSize * GridSize + 1;
}
