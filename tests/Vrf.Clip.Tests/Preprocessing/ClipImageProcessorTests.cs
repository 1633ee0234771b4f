using Vrf.Clip.Preprocessing;
using Vrf.Encoders;
using Vrf.Imaging;

namespace Vrf.Clip.Tests.Preprocessing;

public sealed class ClipImageProcessorTests
{
    [Theory]
    [InlineData(50, 40, 32)]
    [InlineData(40, 50, 32)]
    [InlineData(640, 480, 224)]
    [InlineData(1, 1000, 7)]
    [InlineData(333, 333, 224)]
    public void The_shorter_side_becomes_the_target_and_the_longer_is_truncated(int width, int height, int edge)
    {
        var (resizedWidth, resizedHeight) = ShortestEdge.Fit(width, height, edge);

        var longer = (int)((double)edge * Math.Max(width, height) / Math.Min(width, height));
        Assert.Equal(edge, Math.Min(resizedWidth, resizedHeight));
        Assert.Equal(longer, Math.Max(resizedWidth, resizedHeight));
        Assert.Equal(width <= height, resizedWidth <= resizedHeight);
    }

    [Fact]
    public void The_fixture_images_resize_to_the_sizes_expected_json_records()
    {
        using var json = System.Text.Json.JsonDocument.Parse(
            File.ReadAllText(Vrf.Testing.RepositoryPaths.Fixture("clip-tiny", "expected.json")));
        var edge = ImageProcessorConfig.FromFolder(Vrf.Testing.RepositoryPaths.Fixture("clip-tiny")).ShortestEdge;

        Assert.All(json.RootElement.GetProperty("images").EnumerateArray(), image => Assert.Equal(
            (image.GetProperty("resized_width").GetInt32(), image.GetProperty("resized_height").GetInt32()),
            ShortestEdge.Fit(image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32(), edge)));
    }

    [Theory]
    [InlineData(ResampleFilter.Bicubic)]
    [InlineData(ResampleFilter.Bilinear)]
    public void The_center_crop_holds_the_same_pixels_as_the_middle_of_the_full_resize(ResampleFilter filter)
    {
        var image = Noise(57, 83, seed: 11);
        var full = new ClipImageProcessor(new ImageProcessorConfig { ShortestEdge = 40, Resample = filter, DoCenterCrop = false })
            .Preprocess(image).Pixels;

        var cropped = new ClipImageProcessor(new ImageProcessorConfig { ShortestEdge = 40, Resample = filter, CropHeight = 24, CropWidth = 30 })
            .Preprocess(image).Pixels;

        var (top, left) = ((full.Height - 24) / 2, (full.Width - 30) / 2);
        for (var y = 0; y < 24; y++)
        {
            for (var x = 0; x < 30; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(full[top + y, left + x, c], cropped[y, x, c]);
                }
            }
        }
    }

    [Theory]
    [InlineData(ResampleFilter.Bicubic)]
    [InlineData(ResampleFilter.Bilinear)]
    public void A_flat_colour_stays_flat_when_resized_either_way(ResampleFilter filter)
    {
        var flat = new RgbImage(37, 23, Enumerable.Range(0, 37 * 23).SelectMany(_ => new byte[] { 12, 130, 251 }).ToArray());
        var processor = new ClipImageProcessor(new ImageProcessorConfig { ShortestEdge = 64, Resample = filter, DoCenterCrop = false });

        var resized = processor.Preprocess(flat).Pixels;

        Assert.Equal((102, 64), (resized.Width, resized.Height));
        Assert.All(resized.Bytes.ToArray().Chunk(3), pixel => Assert.Equal(new byte[] { 12, 130, 251 }, pixel));
    }

    [Fact]
    public void A_crop_larger_than_the_image_pads_with_zeros_around_the_image_at_floor_offsets()
    {
        var image = Noise(3, 2, seed: 3);
        var processor = new ClipImageProcessor(new ImageProcessorConfig { DoResize = false, CropHeight = 5, CropWidth = 6 });

        var padded = processor.Preprocess(image).Pixels;

        Assert.Equal((6, 5), (padded.Width, padded.Height));
        var (top, left) = (-(int)Math.Floor((2 - 5) / 2.0), -(int)Math.Floor((3 - 6) / 2.0));
        for (var y = 0; y < 5; y++)
        {
            for (var x = 0; x < 6; x++)
            {
                var inside = y >= top && y < top + 2 && x >= left && x < left + 3;
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(inside ? image[y - top, x - left, c] : (byte)0, padded[y, x, c]);
                }
            }
        }
    }

    [Fact]
    public void Pixel_values_are_rescaled_then_normalised_per_channel_in_float32_channels_first()
    {
        var config = new ImageProcessorConfig { DoResize = false, DoCenterCrop = false };
        var image = Noise(4, 3, seed: 9);

        var values = new ClipImageProcessor(config).Preprocess(image).PixelValues;

        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 12; i++)
            {
                var rescaled = (float)(image.Bytes[i * 3 + c] * config.RescaleFactor);
                Assert.Equal((rescaled - (float)config.ImageMean[c]) / (float)config.ImageStd[c], values[c * 12 + i]);
            }
        }
    }

    [Fact]
    public void Images_of_different_sizes_cannot_share_a_batch()
    {
        var processor = new ClipImageProcessor(new ImageProcessorConfig { DoResize = false, DoCenterCrop = false });

        var error = Assert.Throws<ArgumentException>(() => PreprocessedImage.ToBatch(
            [processor.Preprocess(Noise(4, 4, 1)), processor.Preprocess(Noise(5, 4, 2))]));

        Assert.Contains("4x4", error.Message);
        Assert.Contains("5x4", error.Message);
    }

    private static RgbImage Noise(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }
}
