using Vrf.Encoders;
using Vrf.ResNet.Modeling;
using Vrf.ResNet.Preprocessing;
using static TorchSharp.torch;

namespace Vrf.ResNet.Tests;

public sealed class When_an_input_size_is_chosen(ImportedResNet resnet) : IClassFixture<ImportedResNet>
{
    [Theory]
    [InlineData(28)]
    [InlineData(100)]
    [InlineData(230)]
    public void A_size_that_is_not_a_multiple_of_32_is_refused_with_the_reason(int size)
    {
        var error = Assert.Throws<InvalidDataException>(() => new ResNetImageProcessor(resnet.Encoder.Mean, size));

        Assert.Contains($"{size} px is not a multiple of 32", error.Message);
    }

    [Fact]
    public void The_model_refuses_images_of_such_a_size()
    {
        using var scope = NewDisposeScope();

        var error = Assert.Throws<InvalidDataException>(() => resnet.Encoder.Encode(zeros(1, 3, 48, 48)));

        Assert.Contains("48 px is not a multiple of 32", error.Message);
    }

    [Fact]
    public void Loading_with_such_a_size_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => ResNetEncoder.FromOnnx(resnet.Package, new ResNetLoadOptions { ImageSize = 40 }));

        Assert.Contains("40 px", error.Message);
    }

    [Fact]
    public void At_224_px_each_pixel_loses_the_mean_images_value_in_bgr_order()
    {
        var image = TestImages.Decode("rings_32.png");
        var processor = resnet.Encoder.Processor;

        var values = processor.Preprocess(image).PixelValues;
        var pixels = processor.Preprocess(image).Pixels;

        const int y = 100, x = 37, plane = 224 * 224;
        Assert.Equal(pixels[y, x, 2] - resnet.Encoder.Mean.Image[y * 224 + x], values[y * 224 + x]);
        Assert.Equal(pixels[y, x, 0] - resnet.Encoder.Mean.Image[2 * plane + y * 224 + x], values[2 * plane + y * 224 + x]);
    }

    [Fact]
    public void At_another_size_each_channel_loses_the_mean_images_channel_mean()
    {
        var processor = new ResNetImageProcessor(resnet.Encoder.Mean, 64);
        var mean = resnet.Encoder.Mean;

        var image = processor.Preprocess(TestImages.Decode("disk_50x40.png"));

        Assert.Equal(64, image.Width);
        Assert.Equal(64, image.Height);
        const int plane = 64 * 64, at = 5 * 64 + 9;
        Assert.Equal(image.Pixels[5, 9, 2] - mean.ChannelMeans[0], image.PixelValues[at]);
        Assert.Equal(image.Pixels[5, 9, 1] - mean.ChannelMeans[1], image.PixelValues[plane + at]);
        Assert.Equal(image.Pixels[5, 9, 0] - mean.ChannelMeans[2], image.PixelValues[2 * plane + at]);
        Assert.Equal((float)mean.Image[..(224 * 224)].ToArray().Average(v => (double)v), mean.ChannelMeans[0]);
    }

    [Fact]
    public void Images_of_a_multiple_of_32_give_512_features()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var processor = new ResNetImageProcessor(resnet.Encoder.Mean, 32);
        var image = processor.Preprocess(TestImages.Decode("stripes_noise_32.png"));

        var features = resnet.Encoder.Encode(PreprocessedImage.ToBatch([image, image]));

        Assert.Equal([2L, 512L], features.shape);
        Assert.True(features.isfinite().all().item<bool>());
    }

    [Fact]
    public void The_graphs_layout_is_read_from_the_file()
    {
        Assert.Equal(64, resnet.Encoder.Config.StemWidth);
        Assert.Equal(224, resnet.Encoder.Config.ImageSize);
        Assert.Equal([2, 2, 2, 3], resnet.Encoder.Config.StageBlocks);
        Assert.Equal([64, 128, 256, 512], resnet.Encoder.Config.StageWidths);
        Assert.Equal(1e-5, resnet.Encoder.Config.BatchNormEps, 1e-9);
    }
}
