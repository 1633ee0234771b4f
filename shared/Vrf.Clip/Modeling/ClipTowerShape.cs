using Vrf.Clip.Configuration;

namespace Vrf.Clip.Modeling;

/// <summary>What the encoder of either tower needs from its configuration.</summary>
public sealed record ClipTowerShape(
    int HiddenSize, int IntermediateSize, int LayerCount, int HeadCount, string HiddenAct, double LayerNormEps)
{
    public static ClipTowerShape Of(ClipTextConfig text) => new(text.HiddenSize, text.IntermediateSize,
        text.NumHiddenLayers, text.NumAttentionHeads, text.HiddenAct, text.LayerNormEps);

    public static ClipTowerShape Of(ClipVisionConfig vision) => new(vision.HiddenSize, vision.IntermediateSize,
        vision.NumHiddenLayers, vision.NumAttentionHeads, vision.HiddenAct, vision.LayerNormEps);
}
