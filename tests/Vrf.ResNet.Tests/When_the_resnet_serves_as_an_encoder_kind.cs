using Vrf.Digits.Glyphs;
using Vrf.Digits.Pipeline;
using Vrf.Encoders;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.ResNet.Tests;

public sealed class When_the_resnet_serves_as_an_encoder_kind(PretrainedDigitsFolder pretrained) : IClassFixture<PretrainedDigitsFolder>
{
    [Fact]
    public void The_pretrained_folder_takes_the_size_asked_and_records_the_digits_pipeline()
    {
        var info = pretrained.Kind.Inspect(pretrained.Path, "zero-shot", new EncoderFolderUse(Preprocessing: true, TextTower: false));

        Assert.Equal(new EncoderFolderInfo(512, 32), info);
        Assert.Equal(ImagePipeline.Digits(32).ToJson(), ImagePipeline.Read(pretrained.Path)!.ToJson());
    }

    [Fact]
    public void A_scan_of_any_size_reaches_the_encoder_framed_like_the_mnist_digit_it_shows()
    {
        using var renderer = new GlyphRenderer();
        var digit = DigitPictures.Mnist(renderer, 7);
        var preprocessor = pretrained.Kind.OpenPreprocessor(pretrained.Path);

        var fromMnist = preprocessor.Preprocess(digit.ToRgb());
        var fromScan = preprocessor.Preprocess(DigitPictures.Scan(digit));

        Assert.Equal((32, 32, 3), (fromScan.Width, fromScan.Height, fromScan.Channels));
        var meanDifference = fromMnist.PixelValues.Zip(fromScan.PixelValues).Average(pair => Math.Abs(pair.First - pair.Second));
        Assert.True(meanDifference < 12, $"The scan and the MNIST digit differ by {meanDifference:0.0} grey levels on average.");
        Assert.Equal(fromScan.PixelValues, preprocessor.PreprocessTrainingView(DigitPictures.Scan(digit), new Imaging.PixelRegion(0, 0, 120, 90)).PixelValues);
    }

    [Fact]
    public void It_has_no_text_tower_to_build_a_head_from_prompts()
    {
        var error = Assert.Throws<EncoderFolderException>(() =>
            pretrained.Kind.Inspect(pretrained.Path, "zero-shot", new EncoderFolderUse(Preprocessing: true, TextTower: true)));

        Assert.Contains("no text tower", error.Message);
        Assert.Contains("glyphs", error.Message);
    }

    [Theory]
    [InlineData(100, null, "100 px is not a multiple of 32")]
    [InlineData(32, "photos", "'photos' is not a preprocessing of the resnet18-imagenet encoder")]
    public void Options_it_cannot_honour_are_refused_before_anything_is_written(int size, string? preprocessing, string reason)
    {
        using var folder = new TemporaryDirectory();

        var error = Assert.Throws<EncoderFolderException>(() =>
            pretrained.Kind.WritePretrained(folder.File("resnet"), new PretrainedEncoderOptions(size, preprocessing)));

        Assert.Contains(reason, error.Message);
        Assert.False(Directory.Exists(folder.File("resnet")));
    }

    [Fact]
    public void A_loaded_encoder_saves_a_folder_with_its_pipeline_that_gives_the_same_features()
    {
        using var folder = new TemporaryDirectory();
        using var renderer = new GlyphRenderer();
        var preprocessor = pretrained.Kind.OpenPreprocessor(pretrained.Path);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = PreprocessedImage.ToBatch([preprocessor.Preprocess(DigitPictures.Mnist(renderer, 3).ToRgb())]);
        using var encoder = pretrained.Kind.Load(pretrained.Path, "cpu");

        encoder.Save(folder.File("copy"));
        using var copy = pretrained.Kind.Load(folder.File("copy"), "cpu");

        Assert.True(File.Exists(Path.Combine(folder.File("copy"), ImagePipeline.FileName)));
        Assert.True(encoder.Encode(batch).eq(copy.Encode(batch)).all().item<bool>());
        Assert.Equal(encoder.Architecture, copy.Architecture);
    }

    [Fact]
    public void Batch_norm_statistics_are_weights_an_ensemble_mixes_but_not_parameters_training_moves()
    {
        using var encoder = pretrained.Kind.Load(pretrained.Path, "cpu");

        Assert.Contains(encoder.ImageWeights, weight => weight.Name == "layer4.2.bn2.running_var");
        Assert.DoesNotContain(encoder.TrainableParameters, parameter => parameter.Name.Contains("running", StringComparison.Ordinal));
        Assert.Contains(encoder.TrainableParameters, parameter => parameter.Name == "layer4.2.bn2.weight");
    }
}
