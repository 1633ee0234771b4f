using Vrf.Clip.Modeling;

namespace Vrf.Clip.Configuration;

/// <summary>The checks transformers makes when it builds a CLIP model from a configuration, made before any weight is read.</summary>
internal static class ClipConfigValidation
{
    public static void Check(ClipConfig config, string source)
    {
        var problems = new List<string>();
        Positive(problems, "projection_dim", config.ProjectionDim);
        Tower(problems, "text_config", config.Text.HiddenSize, config.Text.IntermediateSize, config.Text.NumHiddenLayers,
            config.Text.NumAttentionHeads, config.Text.HiddenAct, config.Text.LayerNormEps);
        Positive(problems, "text_config.vocab_size", config.Text.VocabSize);
        Positive(problems, "text_config.max_position_embeddings", config.Text.MaxPositionEmbeddings);
        Tower(problems, "vision_config", config.Vision.HiddenSize, config.Vision.IntermediateSize,
            config.Vision.NumHiddenLayers, config.Vision.NumAttentionHeads, config.Vision.HiddenAct,
            config.Vision.LayerNormEps);
        Positive(problems, "vision_config.num_channels", config.Vision.NumChannels);
        Positive(problems, "vision_config.patch_size", config.Vision.PatchSize);
        if (config.Vision.PatchSize > 0 && config.Vision.ImageSize < config.Vision.PatchSize)
        {
            problems.Add($"vision_config.image_size {config.Vision.ImageSize} is smaller than patch_size {config.Vision.PatchSize}");
        }
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"CLIP configuration '{source}' is not usable: {string.Join("; ", problems)}.");
        }
    }

    private static void Tower(List<string> problems, string tower, int hidden, int intermediate, int layers, int heads,
        string activation, double eps)
    {
        Positive(problems, $"{tower}.hidden_size", hidden);
        Positive(problems, $"{tower}.intermediate_size", intermediate);
        Positive(problems, $"{tower}.num_hidden_layers", layers);
        Positive(problems, $"{tower}.num_attention_heads", heads);
        if (hidden > 0 && heads > 0 && hidden % heads != 0)
        {
            problems.Add($"{tower}.hidden_size {hidden} is not divisible by num_attention_heads {heads}");
        }
        if (!ClipActivation.IsSupported(activation))
        {
            problems.Add($"{tower}.hidden_act '{activation}' is not one of {string.Join(", ", ClipActivation.Names)}");
        }
        if (!(eps > 0))
        {
            problems.Add($"{tower}.layer_norm_eps {eps} is not positive");
        }
    }

    private static void Positive(List<string> problems, string key, int value)
    {
        if (value <= 0)
        {
            problems.Add($"{key} {value} is not positive");
        }
    }
}
