using System.Text.Json.Nodes;
using Vrf.Clip.Configuration;
using Vrf.Clip.Modeling;
using Vrf.Tensors;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

public sealed class ClipModelFolderTests(ClipTinyReference reference, ITestOutputHelper output) : IClassFixture<ClipTinyReference>
{
    [Fact]
    public void A_legacy_config_with_config_dicts_nulls_extra_keys_and_eos_2_gives_the_same_outputs()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.WriteConfig(directory.Path, json =>
        {
            var text = json["text_config"]!.DeepClone().AsObject();
            text["eos_token_id"] = 2;
            text["bos_token_id"] = 0;
            text["layer_norm_eps"] = null;
            text["bad_words_ids"] = null;
            var vision = json["vision_config"]!.DeepClone().AsObject();
            vision["num_channels"] = null;
            vision["chunk_size_feed_forward"] = 0;
            json["text_config"] = new JsonObject { ["hidden_size"] = 999, ["eos_token_id"] = 49407 };
            json["text_config_dict"] = text;
            json["vision_config"] = null;
            json["vision_config_dict"] = vision;
            json["logit_scale_init_value"] = null;
            json["transformers_version"] = null;
            json["task_specific_params"] = new JsonObject { ["unused"] = new JsonArray(1, 2) };
        });
        ClipTinyCopy.CopyWeights(directory.Path);

        using var model = ClipModelFolder.Load(directory.Path);

        Assert.Equal(EosPooling.LegacyEosTokenId, model.Config.Text.EosTokenId);
        AssertMatchesReference(model);
    }

    [Fact]
    public void Unused_int64_position_ids_in_an_older_checkpoint_are_ignored()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.CopyConfig(directory.Path);
        ClipTinyCopy.WriteWeights(directory.Path, tensors =>
        {
            tensors["text_model.embeddings.position_ids"] = arange(reference.Model.Config.Text.MaxPositionEmbeddings).unsqueeze(0);
            tensors["vision_model.embeddings.position_ids"] = arange(reference.Model.Config.Vision.NumPositions).unsqueeze(0);
        });

        using var model = ClipModelFolder.Load(directory.Path);

        using (var file = SafeTensorsFile.Open(Path.Combine(directory.Path, ClipModelFolder.WeightsFileName)))
        {
            Assert.Equal(SafeTensorDType.I64, file.Info("text_model.embeddings.position_ids").DType);
        }
        AssertMatchesReference(model);
    }

    [Fact]
    public void A_saved_model_reloads_with_identical_tensors_in_the_same_safetensors_layout()
    {
        using var directory = new TemporaryDirectory();

        ClipModelFolder.Save(reference.Model, directory.Path);
        using var reloaded = ClipModelFolder.Load(directory.Path);

        Assert.Equal(reference.Model.Config, reloaded.Config);
        var original = reference.Model.state_dict();
        var copy = reloaded.state_dict();
        Assert.Equal(original.Keys.Order(), copy.Keys.Order());
        foreach (var (name, tensor) in original)
        {
            TensorAssert.Identical(tensor, copy[name], name);
        }
        using var fixtureFile = SafeTensorsFile.Open(Path.Combine(ClipTinyReference.Folder, ClipModelFolder.WeightsFileName));
        using var savedFile = SafeTensorsFile.Open(Path.Combine(directory.Path, ClipModelFolder.WeightsFileName));
        Assert.Equal(fixtureFile.Tensors.Keys.Order(), savedFile.Tensors.Keys.Order());
        foreach (var (name, info) in fixtureFile.Tensors)
        {
            Assert.Equal(info.DType, savedFile.Tensors[name].DType);
            Assert.Equal(info.Shape, savedFile.Tensors[name].Shape);
        }
        Assert.Equal("pt", savedFile.Header.Metadata["format"]);
    }

    [Fact]
    public void A_float64_model_matches_the_reference_too()
    {
        using var model = ClipModelFolder.Load(ClipTinyReference.Folder, new ClipLoadOptions { DType = ScalarType.Float64 });

        Assert.Equal(ScalarType.Float64, model.DType);
        AssertMatchesReference(model);
    }

    [Fact]
    public void A_half_precision_checkpoint_loads_into_a_float32_model()
    {
        using var directory = new TemporaryDirectory();
        using (var half = ClipModelFolder.Load(ClipTinyReference.Folder, new ClipLoadOptions { DType = ScalarType.Float16 }))
        {
            ClipModelFolder.Save(half, directory.Path);
        }

        using var model = ClipModelFolder.Load(directory.Path);

        using var file = SafeTensorsFile.Open(Path.Combine(directory.Path, ClipModelFolder.WeightsFileName));
        Assert.All(file.Tensors.Values, info => Assert.Equal(SafeTensorDType.F16, info.DType));
        Assert.Equal(ScalarType.Float32, model.DType);
        using var scope = NewDisposeScope();
        var expected = reference.Model.state_dict()["visual_projection.weight"].to(ScalarType.Float16).to(ScalarType.Float32);
        TensorAssert.Identical(expected, model.state_dict()["visual_projection.weight"]);
    }

    [Fact]
    public void Exact_gelu_in_the_config_changes_the_outputs()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.WriteConfig(directory.Path, json =>
        {
            json["text_config"]!["hidden_act"] = "gelu";
            json["vision_config"]!["hidden_act"] = "gelu";
        });
        ClipTinyCopy.CopyWeights(directory.Path);

        using var model = ClipModelFolder.Load(directory.Path);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var image = reference.Expected.Compare("image_embeds", [5, 32], TensorAssert.Values(model.GetImageFeatures(reference.PixelValues)));
        var text = reference.Expected.Compare("text_embeds", [5, 32], TensorAssert.Values(model.GetTextFeatures(reference.InputIds)));
        output.WriteLine(image.Describe());
        output.WriteLine(text.Describe());
        Assert.False(image.Passed);
        Assert.False(text.Passed);
    }

    [Fact]
    public void A_folder_without_config_is_an_error_naming_the_missing_file()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.CopyWeights(directory.Path);

        var error = Assert.Throws<FileNotFoundException>(() => ClipModelFolder.Load(directory.Path));

        Assert.Contains(directory.Path, error.Message);
        Assert.Contains("config.json", error.Message);
    }

    [Fact]
    public void A_folder_without_weights_is_an_error_naming_the_missing_file()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.CopyConfig(directory.Path);

        var error = Assert.Throws<FileNotFoundException>(() => ClipModelFolder.Load(directory.Path));

        Assert.Contains(directory.Path, error.Message);
        Assert.Contains("model.safetensors", error.Message);
    }

    [Fact]
    public void A_folder_with_only_pytorch_weights_says_they_must_be_converted()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.CopyConfig(directory.Path);
        File.WriteAllBytes(directory.File("pytorch_model.bin"), [0]);

        var error = Assert.Throws<FileNotFoundException>(() => ClipModelFolder.Load(directory.Path));

        Assert.Contains("model.safetensors", error.Message);
        Assert.Contains("pytorch_model.bin", error.Message);
    }

    [Fact]
    public void A_folder_holding_another_model_type_is_refused_with_a_message_naming_the_config()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.WriteConfig(directory.Path, json => json["model_type"] = "blip");
        ClipTinyCopy.CopyWeights(directory.Path);

        var error = Assert.Throws<InvalidDataException>(() => ClipModelFolder.Load(directory.Path));

        Assert.Contains(directory.File("config.json"), error.Message);
        Assert.Contains("'blip'", error.Message);
    }

    [Fact]
    public void A_truncated_checkpoint_is_an_error_naming_the_file()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.CopyConfig(directory.Path);
        ClipTinyCopy.CopyWeights(directory.Path);
        var weights = directory.File(ClipModelFolder.WeightsFileName);
        using (var stream = File.Open(weights, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var error = Assert.Throws<InvalidDataException>(() => ClipModelFolder.Load(directory.Path));

        Assert.Contains(weights, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_weight_of_the_wrong_shape_is_an_error_naming_the_tensor_both_shapes_and_the_file()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.CopyConfig(directory.Path);
        var storedShape = "";
        ClipTinyCopy.WriteWeights(directory.Path, tensors =>
        {
            tensors["visual_projection.weight"] = tensors["visual_projection.weight"].t().contiguous();
            storedShape = ShapeFormat.Of(tensors["visual_projection.weight"].shape);
        });
        var modelShape = ShapeFormat.Of(reference.Model.state_dict()["visual_projection.weight"].shape);

        var error = Assert.Throws<InvalidDataException>(() => ClipModelFolder.Load(directory.Path));

        Assert.Contains(directory.File(ClipModelFolder.WeightsFileName), error.Message);
        Assert.Contains($"'visual_projection.weight' has shape {storedShape} but the model expects {modelShape}", error.Message);
    }

    [Fact]
    public void A_missing_weight_is_an_error_naming_the_tensor_and_the_file()
    {
        using var directory = new TemporaryDirectory();
        ClipTinyCopy.CopyConfig(directory.Path);
        ClipTinyCopy.WriteWeights(directory.Path, tensors => tensors.Remove("vision_model.post_layernorm.bias"));

        var error = Assert.Throws<InvalidDataException>(() => ClipModelFolder.Load(directory.Path));

        Assert.Contains(directory.File(ClipModelFolder.WeightsFileName), error.Message);
        Assert.Contains("'vision_model.post_layernorm.bias'", error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void A_cuda_device_on_a_machine_without_cuda_is_refused_before_loading()
    {
        if (cuda.is_available())
        {
            Assert.Skip("CUDA is available here.");
        }

        var error = Assert.Throws<InvalidOperationException>(() =>
            ClipModelFolder.Load(ClipTinyReference.Folder, new ClipLoadOptions { Device = "cuda:0" }));

        Assert.Contains("cuda:0", error.Message);
        Assert.Contains("CUDA is not available", error.Message);
    }

    private void AssertMatchesReference(ClipModel model)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var text = model.EncodeText(reference.InputIds);
        ReferenceAssert.Matches(reference.Expected, "text_eos_index", text.EosIndex, output);
        ReferenceAssert.Matches(reference.Expected, "text_embeds", model.ProjectText(text.PooledOutput), output);
        ReferenceAssert.Matches(reference.Expected, "image_embeds", model.GetImageFeatures(reference.PixelValues), output);
        ReferenceAssert.Matches(reference.Expected, "logits_per_image", model.forward(reference.PixelValues, reference.InputIds).LogitsPerImage, output);
    }
}
