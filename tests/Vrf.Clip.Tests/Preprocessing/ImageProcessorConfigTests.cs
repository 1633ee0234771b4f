using Vrf.Clip.Preprocessing;
using Vrf.Imaging;

namespace Vrf.Clip.Tests.Preprocessing;

public sealed class ImageProcessorConfigTests
{
    [Fact]
    public void Legacy_configs_with_bare_numbers_for_size_and_crop_size_are_understood()
    {
        var config = ImageProcessorConfig.FromJson("""{"size": 336, "crop_size": 320}""", "legacy.json");

        Assert.Equal(336, config.ShortestEdge);
        Assert.Equal((320, 320), (config.CropHeight, config.CropWidth));
    }

    [Fact]
    public void Keys_the_file_leaves_out_take_the_hf_defaults()
    {
        var config = ImageProcessorConfig.FromJson("{}", "empty.json");

        Assert.Equal(new ImageProcessorConfig(), config);
        Assert.Equal(ResampleFilter.Bicubic, config.Resample);
    }

    [Fact]
    public void Bilinear_resampling_is_accepted()
    {
        Assert.Equal(ResampleFilter.Bilinear, ImageProcessorConfig.FromJson("""{"resample": 2}""", "bilinear.json").Resample);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_resampling_filter_this_port_cannot_reproduce_is_refused_by_number(int resample)
    {
        var error = Assert.Throws<InvalidDataException>(
            () => ImageProcessorConfig.FromJson($$"""{"resample": {{resample}}}""", "other.json"));

        Assert.Contains($"resample {resample}", error.Message);
        Assert.Contains("other.json", error.Message);
    }

    [Fact]
    public void A_fixed_height_and_width_size_is_refused_because_clip_resizes_by_the_shortest_edge()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => ImageProcessorConfig.FromJson("""{"size": {"height": 224, "width": 224}}""", "fixed.json"));

        Assert.Contains("shortest_edge", error.Message);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_origin()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageProcessorConfig.FromJson("{\"size\": ", "broken.json"));

        Assert.Contains("broken.json", error.Message);
    }

    [Fact]
    public void A_missing_config_file_is_reported_with_its_path()
    {
        var folder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<FileNotFoundException>(() => ImageProcessorConfig.FromFolder(folder));

        Assert.Equal(Path.Combine(folder, ImageProcessorConfig.FileName), error.FileName);
    }
}
