using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vrf.Clip.Configuration;

/// <summary>
/// Reads a Hugging Face <c>config.json</c> into a <see cref="ClipConfig"/>, accepting every layout transformers
/// accepts: the current one (<c>text_config</c> / <c>vision_config</c>) and the legacy one, where
/// <c>text_config_dict</c> / <c>vision_config_dict</c> hold the tower settings.
/// </summary>
internal static class ClipConfigReader
{
    /// <summary>The <c>model_type</c> values whose checkpoints this library can run.</summary>
    private static readonly string[] CompatibleModelTypes = [ClipConfig.ModelType];

    public static ClipConfig Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CLIP configuration '{path}' does not exist.", path);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"CLIP configuration '{path}' is not valid JSON: {e.Message}", e);
        }
        if (root is not JsonObject rootObject)
        {
            throw new InvalidDataException($"CLIP configuration '{path}' should hold a JSON object.");
        }
        return Read(new ConfigSection(rootObject, path, ""), path);
    }

    private static ClipConfig Read(ConfigSection root, string source)
    {
        var modelType = root.String("model_type", ClipConfig.ModelType);
        if (!CompatibleModelTypes.Contains(modelType, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"CLIP configuration '{source}' describes a '{modelType}' model; only model_type " +
                $"{string.Join(" or ", CompatibleModelTypes.Select(t => $"'{t}'"))} can be loaded.");
        }
        var defaults = new ClipConfig();
        var config = new ClipConfig
        {
            Text = ReadText(Tower(root, "text_config", source)),
            Vision = ReadVision(Tower(root, "vision_config", source)),
            ProjectionDim = root.Int("projection_dim", defaults.ProjectionDim),
            LogitScaleInitValue = root.Double("logit_scale_init_value", defaults.LogitScaleInitValue),
        };
        ClipConfigValidation.Check(config, source);
        return config;
    }

    /// <summary>
    /// The section a tower's settings come from. As in transformers' <c>CLIPConfig</c>, a legacy
    /// <c>*_config_dict</c>, completed with the defaults, replaces every known setting of <c>*_config</c>.
    /// </summary>
    private static ConfigSection Tower(ConfigSection root, string key, string source) =>
        root.Section(key + "_dict") ?? root.Section(key) ?? ConfigSection.Empty(source, key);

    private static ClipTextConfig ReadText(ConfigSection json)
    {
        var d = new ClipTextConfig();
        return new ClipTextConfig
        {
            VocabSize = json.Int("vocab_size", d.VocabSize),
            HiddenSize = json.Int("hidden_size", d.HiddenSize),
            IntermediateSize = json.Int("intermediate_size", d.IntermediateSize),
            ProjectionDim = json.Int("projection_dim", d.ProjectionDim),
            NumHiddenLayers = json.Int("num_hidden_layers", d.NumHiddenLayers),
            NumAttentionHeads = json.Int("num_attention_heads", d.NumAttentionHeads),
            MaxPositionEmbeddings = json.Int("max_position_embeddings", d.MaxPositionEmbeddings),
            HiddenAct = json.String("hidden_act", d.HiddenAct),
            LayerNormEps = json.Double("layer_norm_eps", d.LayerNormEps),
            PadTokenId = json.Long("pad_token_id", d.PadTokenId),
            BosTokenId = json.Long("bos_token_id", d.BosTokenId),
            EosTokenId = json.Long("eos_token_id", d.EosTokenId),
        };
    }

    private static ClipVisionConfig ReadVision(ConfigSection json)
    {
        var d = new ClipVisionConfig();
        return new ClipVisionConfig
        {
            HiddenSize = json.Int("hidden_size", d.HiddenSize),
            IntermediateSize = json.Int("intermediate_size", d.IntermediateSize),
            ProjectionDim = json.Int("projection_dim", d.ProjectionDim),
            NumHiddenLayers = json.Int("num_hidden_layers", d.NumHiddenLayers),
            NumAttentionHeads = json.Int("num_attention_heads", d.NumAttentionHeads),
            NumChannels = json.Int("num_channels", d.NumChannels),
            ImageSize = json.Int("image_size", d.ImageSize),
            PatchSize = json.Int("patch_size", d.PatchSize),
            HiddenAct = json.String("hidden_act", d.HiddenAct),
            LayerNormEps = json.Double("layer_norm_eps", d.LayerNormEps),
        };
    }
}
