using TorchSharp;
using Vrf.Clip.Preprocessing;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Preprocessing;

public sealed class ClipImageProcessorFixtureTests
{
    private const double PixelValueTolerance = 1e-5;

    private static readonly ClipImageProcessor Processor = ClipImageProcessor.FromFolder(RepositoryPaths.Fixture("clip-tiny"));

    public static TheoryData<int> ImageIndices => new(Enumerable.Range(0, ExpectedOutputs.ImageFiles.Count));

    [Theory]
    [MemberData(nameof(ImageIndices))]
    public void Every_fixture_image_resizes_and_crops_to_the_reference_bytes(int index)
    {
        var shape = ExpectedOutputs.Shape("pixel_uint8_hwc");
        var expected = ExpectedOutputs.Row(ExpectedOutputs.Int64Data("pixel_uint8_hwc"), shape, index);

        var image = Preprocess(index);

        Assert.Equal(shape[1..], new[] { image.Height, image.Width, 3 });
        Assert.Equal(expected.Select(v => (byte)v), image.Pixels.Bytes.ToArray());
    }

    [Theory]
    [MemberData(nameof(ImageIndices))]
    public void Every_fixture_image_normalises_to_the_reference_pixel_values(int index)
    {
        var shape = ExpectedOutputs.Shape("pixel_values");
        var expected = ExpectedOutputs.Row(ExpectedOutputs.DoubleData("pixel_values"), shape, index);

        var image = Preprocess(index);

        Assert.Equal(expected.Count, image.PixelValues.Length);
        Assert.All(expected.Zip(image.PixelValues), pair => Assert.InRange(pair.Second, pair.First - PixelValueTolerance, pair.First + PixelValueTolerance));
    }

    [Fact]
    public void The_fixture_images_stack_into_the_reference_float32_batch()
    {
        var images = Enumerable.Range(0, ExpectedOutputs.ImageFiles.Count).Select(Preprocess);

        using var batch = ClipImageProcessor.ToBatch(images);

        Assert.Equal(torch.ScalarType.Float32, batch.dtype);
        Assert.Equal(ExpectedOutputs.Shape("pixel_values").Select(d => (long)d), batch.shape);
        var expected = ExpectedOutputs.DoubleData("pixel_values");
        var actual = batch.data<float>().ToArray();
        Assert.True(expected.Zip(actual).All(pair => Math.Abs(pair.First - pair.Second) <= PixelValueTolerance));
    }

    [Fact]
    public void The_configuration_is_read_from_the_fixtures_preprocessor_config()
    {
        using var json = System.Text.Json.JsonDocument.Parse(
            File.ReadAllText(RepositoryPaths.Fixture("clip-tiny", ImageProcessorConfig.FileName)));
        var root = json.RootElement;

        var config = Processor.Config;

        Assert.Equal(root.GetProperty("size").GetProperty("shortest_edge").GetInt32(), config.ShortestEdge);
        Assert.Equal(root.GetProperty("crop_size").GetProperty("height").GetInt32(), config.CropHeight);
        Assert.Equal(root.GetProperty("crop_size").GetProperty("width").GetInt32(), config.CropWidth);
        Assert.Equal(root.GetProperty("resample").GetInt32(), (int)config.Resample);
        Assert.Equal(root.GetProperty("rescale_factor").GetDouble(), config.RescaleFactor);
        Assert.Equal(root.GetProperty("image_mean").EnumerateArray().Select(v => v.GetDouble()), config.ImageMean);
        Assert.Equal(root.GetProperty("image_std").EnumerateArray().Select(v => v.GetDouble()), config.ImageStd);
        Assert.True(config.DoResize && config.DoCenterCrop && config.DoRescale && config.DoNormalize && config.DoConvertRgb);
    }

    private static PreprocessedImage Preprocess(int index)
    {
        var path = RepositoryPaths.Fixture("clip-tiny", ExpectedOutputs.ImageFiles[index]);
        return Processor.Preprocess(File.ReadAllBytes(path), path);
    }
}
