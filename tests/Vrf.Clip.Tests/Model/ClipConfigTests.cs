using System.Text.Json.Nodes;
using Vrf.Clip.Configuration;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Model;

public sealed class ClipConfigTests
{
    [Fact]
    public void The_fixture_config_is_read_with_both_towers_and_the_shared_projection()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(ClipTinyReference.Folder, ClipConfig.FileName)))!;

        var config = ClipConfig.Load(Path.Combine(ClipTinyReference.Folder, ClipConfig.FileName));

        Assert.Equal((int)fixture["projection_dim"]!, config.ProjectionDim);
        Assert.Equal((int)fixture["text_config"]!["hidden_size"]!, config.Text.HiddenSize);
        Assert.Equal((long)fixture["text_config"]!["eos_token_id"]!, config.Text.EosTokenId);
        Assert.Equal((int)fixture["vision_config"]!["patch_size"]!, config.Vision.PatchSize);
        Assert.Equal((double)fixture["vision_config"]!["layer_norm_eps"]!, config.Vision.LayerNormEps);
        Assert.Equal((string)fixture["vision_config"]!["hidden_act"]!, config.Vision.HiddenAct);
    }

    [Fact]
    public void Missing_keys_take_the_transformers_defaults_of_clip_vit_base_patch32()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("config.json"), """{"model_type": "clip"}""");

        var config = ClipConfig.Load(directory.File("config.json"));

        Assert.Equal(512, config.ProjectionDim);
        Assert.Equal(2.6592, config.LogitScaleInitValue);
        Assert.Equal((512, 2048, 12, 8, 77, 49408), (config.Text.HiddenSize, config.Text.IntermediateSize,
            config.Text.NumHiddenLayers, config.Text.NumAttentionHeads, config.Text.MaxPositionEmbeddings, config.Text.VocabSize));
        Assert.Equal(49407, config.Text.EosTokenId);
        Assert.Equal((768, 3072, 12, 12, 224, 32, 3), (config.Vision.HiddenSize, config.Vision.IntermediateSize,
            config.Vision.NumHiddenLayers, config.Vision.NumAttentionHeads, config.Vision.ImageSize, config.Vision.PatchSize,
            config.Vision.NumChannels));
        Assert.Equal("quick_gelu", config.Vision.HiddenAct);
        Assert.Equal(1e-5, config.Text.LayerNormEps);
    }

    [Fact]
    public void Null_values_take_the_defaults_and_unknown_keys_are_ignored()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("config.json"), """
            {"model_type": "clip", "projection_dim": null, "task_specific_params": {"x": [1, 2]},
             "text_config": {"hidden_size": 64, "eos_token_id": null, "bad_words_ids": null, "torchscript": false},
             "vision_config": null}
            """);

        var config = ClipConfig.Load(directory.File("config.json"));

        Assert.Equal(512, config.ProjectionDim);
        Assert.Equal(64, config.Text.HiddenSize);
        Assert.Equal(49407, config.Text.EosTokenId);
        Assert.Equal(new ClipVisionConfig(), config.Vision);
    }

    [Fact]
    public void Legacy_config_dicts_replace_the_tower_configs_as_transformers_does()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("config.json"), """
            {"model_type": "clip",
             "text_config": {"hidden_size": 999, "intermediate_size": 999, "eos_token_id": 2},
             "text_config_dict": {"hidden_size": 768, "num_attention_heads": 12},
             "vision_config_dict": {"patch_size": 14}}
            """);

        var config = ClipConfig.Load(directory.File("config.json"));

        Assert.Equal(768, config.Text.HiddenSize);
        Assert.Equal(12, config.Text.NumAttentionHeads);
        Assert.Equal(2048, config.Text.IntermediateSize);
        Assert.Equal(49407, config.Text.EosTokenId);
        Assert.Equal(14, config.Vision.PatchSize);
    }

    [Fact]
    public void Another_model_type_is_refused_with_a_message_naming_the_file()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("config.json"), """{"model_type": "siglip"}""");

        var error = Assert.Throws<InvalidDataException>(() => ClipConfig.Load(directory.File("config.json")));

        Assert.Contains(directory.File("config.json"), error.Message);
        Assert.Contains("'siglip'", error.Message);
    }

    [Theory]
    [InlineData("""{"vision_config": {"hidden_size": "wide"}}""", "vision_config.hidden_size")]
    [InlineData("""{"text_config": {"hidden_act": "swish"}}""", "text_config.hidden_act")]
    [InlineData("""{"text_config": {"hidden_size": 50, "num_attention_heads": 8}}""", "not divisible")]
    [InlineData("""{"text_config": [1]}""", "text_config")]
    [InlineData("""{"model_type": "clip",""", "not valid JSON")]
    public void An_unusable_config_is_an_error_naming_the_file_and_the_setting(string json, string problem)
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("config.json"), json);

        var error = Assert.Throws<InvalidDataException>(() => ClipConfig.Load(directory.File("config.json")));

        Assert.Contains(directory.File("config.json"), error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_saved_config_reads_back_equal()
    {
        using var directory = new TemporaryDirectory();
        var original = ClipConfig.Load(Path.Combine(ClipTinyReference.Folder, ClipConfig.FileName));

        original.Save(directory.File("config.json"), "float32");

        Assert.Equal(original, ClipConfig.Load(directory.File("config.json")));
    }
}
