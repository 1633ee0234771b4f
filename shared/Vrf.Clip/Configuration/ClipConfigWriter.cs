using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vrf.Clip.Configuration;

/// <summary>Writes a <see cref="ClipConfig"/> as transformers' <c>save_pretrained</c> does: current layout, sorted keys.</summary>
internal static class ClipConfigWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    public static void Write(ClipConfig config, string path, string torchDtype)
    {
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray("CLIPModel"),
            ["logit_scale_init_value"] = config.LogitScaleInitValue,
            ["model_type"] = ClipConfig.ModelType,
            ["projection_dim"] = config.ProjectionDim,
            ["text_config"] = Text(config.Text),
            ["torch_dtype"] = torchDtype,
            ["vision_config"] = Vision(config.Vision),
        };
        File.WriteAllText(path, json.ToJsonString(Indented) + "\n");
    }

    private static JsonObject Text(ClipTextConfig text) => new()
    {
        ["bos_token_id"] = text.BosTokenId,
        ["eos_token_id"] = text.EosTokenId,
        ["hidden_act"] = text.HiddenAct,
        ["hidden_size"] = text.HiddenSize,
        ["intermediate_size"] = text.IntermediateSize,
        ["layer_norm_eps"] = text.LayerNormEps,
        ["max_position_embeddings"] = text.MaxPositionEmbeddings,
        ["model_type"] = "clip_text_model",
        ["num_attention_heads"] = text.NumAttentionHeads,
        ["num_hidden_layers"] = text.NumHiddenLayers,
        ["pad_token_id"] = text.PadTokenId,
        ["projection_dim"] = text.ProjectionDim,
        ["vocab_size"] = text.VocabSize,
    };

    private static JsonObject Vision(ClipVisionConfig vision) => new()
    {
        ["hidden_act"] = vision.HiddenAct,
        ["hidden_size"] = vision.HiddenSize,
        ["image_size"] = vision.ImageSize,
        ["intermediate_size"] = vision.IntermediateSize,
        ["layer_norm_eps"] = vision.LayerNormEps,
        ["model_type"] = "clip_vision_model",
        ["num_attention_heads"] = vision.NumAttentionHeads,
        ["num_channels"] = vision.NumChannels,
        ["num_hidden_layers"] = vision.NumHiddenLayers,
        ["patch_size"] = vision.PatchSize,
        ["projection_dim"] = vision.ProjectionDim,
    };
}
