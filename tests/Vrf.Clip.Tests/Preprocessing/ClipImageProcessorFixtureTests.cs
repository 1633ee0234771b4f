using TorchSharp;
using Vrf.Clip.Preprocessing;
using Vrf.Encoders;
using Vrf.Imaging;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Preprocessing;

public sealed class ClipImageProcessorFixtureTests
{
    private const double PixelValueTolerance = 1e-5;

    private static readonly ClipImageProcessor Processor = ClipImageProcessor.FromFolder(RepositoryPaths.Fixture("clip-tiny"));

    private static readonly ClipTinyInspection Fixture = ClipTinyInspection.Load();

    public static TheoryData<int> ImageIndices => new(Enumerable.Range(0, Fixture.ImagePaths.Count));

    [Theory]
    [MemberData(nameof(ImageIndices))]
    public void Every_fixture_image_resizes_and_crops_to_the_reference_bytes(int index)
    {
        var reference = Fixture.Expected["pixel_uint8_hwc"];
        var expected = reference.Row(index);

        var image = Preprocess(index);

        Assert.Equal(reference.Shape[1..], new long[] { image.Height, image.Width, 3 });
        Assert.Equal(expected.Select(v => (byte)v), image.Pixels.Bytes.ToArray());
    }

    [Theory]
    [MemberData(nameof(ImageIndices))]
    public void Every_fixture_image_normalises_to_the_reference_pixel_values(int index)
    {
        var expected = Fixture.Expected["pixel_values"].Row(index);

        var image = Preprocess(index);

        Assert.Equal(expected.Count, image.PixelValues.Length);
        Assert.All(expected.Zip(image.PixelValues), pair => Assert.InRange(pair.Second, pair.First - PixelValueTolerance, pair.First + PixelValueTolerance));
    }

    [Fact]
    public void The_fixture_images_stack_into_the_reference_float32_batch()
    {
        var images = Enumerable.Range(0, Fixture.ImagePaths.Count).Select(Preprocess);

        using var batch = PreprocessedImage.ToBatch(images);

        Assert.Equal(torch.ScalarType.Float32, batch.dtype);
        Assert.Equal(Fixture.Expected["pixel_values"].Shape, batch.shape);
        var expected = Fixture.Expected["pixel_values"].Data;
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
        var path = Fixture.ImagePaths[index];
        return Processor.Preprocess(File.ReadAllBytes(path), path);
    }
}
