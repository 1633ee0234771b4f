namespace Vrf.Clip.Configuration;

/// <summary>
/// The text tower of a CLIP model, as Hugging Face's <c>CLIPTextConfig</c> describes it. The defaults are those of
/// transformers (the openai/clip-vit-base-patch32 text tower).
/// </summary>
public sealed record ClipTextConfig
{
    public int VocabSize { get; init; } = 49408;
    public int HiddenSize { get; init; } = 512;
    public int IntermediateSize { get; init; } = 2048;
    public int ProjectionDim { get; init; } = 512;
    public int NumHiddenLayers { get; init; } = 12;
    public int NumAttentionHeads { get; init; } = 8;
    public int MaxPositionEmbeddings { get; init; } = 77;
    public string HiddenAct { get; init; } = "quick_gelu";
    public double LayerNormEps { get; init; } = 1e-5;
    public long PadTokenId { get; init; } = 1;
    public long BosTokenId { get; init; } = 49406;

    /// <summary>
    /// The id whose first occurrence is pooled. Configurations written before transformers PR #24773 say 2 here; the
    /// pooling then falls back to the position of the largest id, as transformers does.
    /// </summary>
    public long EosTokenId { get; init; } = 49407;

    public int HeadDim => HiddenSize / NumAttentionHeads;
}
