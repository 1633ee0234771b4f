using SkiaSharp;
using Vrf.Imaging;
using Vrf.Testing;
using Vrf.Testing.Hostile;

namespace Vrf.Clip.Tests.Preprocessing;

/// <summary>Decoding gives what PIL's <c>Image.open(...).convert("RGB")</c> gives.</summary>
public sealed class ImageDecoderTests
{
    private readonly ImageDecoder decoder = new(new ImageDecodingOptions());

    [Fact]
    public void A_grey_png_becomes_rgb_with_the_grey_level_in_every_channel()
    {
        var png = PngBytes.Image(2, 1, PngBytes.Grey, 8, [[7, 200]]);

        var image = decoder.Decode(png, "grey.png");

        Assert.Equal(new byte[] { 7, 7, 7, 200, 200, 200 }, image.Bytes.ToArray());
    }

    [Fact]
    public void An_rgba_png_drops_its_alpha_and_keeps_the_stored_colours_even_where_transparent()
    {
        var png = PngBytes.Image(2, 1, PngBytes.RgbAlpha, 8, [[10, 20, 30, 0, 200, 100, 50, 128]]);

        var image = decoder.Decode(png, "rgba.png");

        Assert.Equal(new byte[] { 10, 20, 30, 200, 100, 50 }, image.Bytes.ToArray());
    }

    [Fact]
    public void A_palette_png_is_looked_up_and_its_transparency_ignored()
    {
        var png = PngBytes.Image(
            2, 1, PngBytes.Palette, 8, [[1, 0]], ("PLTE", [1, 2, 3, 250, 251, 252]), ("tRNS", [0]));

        var image = decoder.Decode(png, "palette.png");

        Assert.Equal(new byte[] { 250, 251, 252, 1, 2, 3 }, image.Bytes.ToArray());
    }

    [Fact]
    public void A_16_bit_png_keeps_the_high_byte_of_each_sample()
    {
        var png = PngBytes.Image(1, 1, PngBytes.Rgb, 16, [[0x12, 0x34, 0x80, 0xFF, 0xFF, 0xFF]]);

        var image = decoder.Decode(png, "deep.png");

        Assert.Equal(new byte[] { 0x12, 0x80, 0xFF }, image.Bytes.ToArray());
    }

    [Fact]
    public void A_colour_profile_hint_does_not_change_the_stored_values()
    {
        var png = PngBytes.Image(1, 1, PngBytes.Rgb, 8, [[10, 20, 30]], ("gAMA", [0, 1, 0x86, 0xA0]));

        var image = decoder.Decode(png, "gamma.png");

        Assert.Equal(new byte[] { 10, 20, 30 }, image.Bytes.ToArray());
    }

    [Fact]
    public void A_jpeg_rotated_by_its_exif_orientation_comes_out_upright()
    {
        var jpeg = JpegBytes.WithOrientation(JpegBytes.TwoHalves(16, 8, SKColors.Red, SKColors.Blue), orientation: 6);

        var image = decoder.Decode(jpeg, "rotated.jpg");

        Assert.Equal((8, 16), (image.Width, image.Height));
        Assert.True(image[2, 4, 0] > 200 && image[2, 4, 2] < 60, "the left (red) half turns to the top");
        Assert.True(image[13, 4, 2] > 200 && image[13, 4, 0] < 60, "the right (blue) half turns to the bottom");
    }

    [Fact]
    public void The_exif_orientation_can_be_left_unapplied_as_pil_does_by_default()
    {
        var jpeg = JpegBytes.WithOrientation(JpegBytes.TwoHalves(16, 8, SKColors.Red, SKColors.Blue), orientation: 6);
        var stored = new ImageDecoder(new ImageDecodingOptions { ApplyExifOrientation = false });

        var image = stored.Decode(jpeg, "rotated.jpg");

        Assert.Equal((16, 8), (image.Width, image.Height));
    }

    [Fact]
    public void A_header_announcing_a_decompression_bomb_is_refused_before_any_pixel_is_decoded()
    {
        var png = PngBytes.Image(20_000, 20_000, PngBytes.Rgb, 8, []);

        var error = Assert.Throws<DecompressionBombException>(() => decoder.Decode(png, "request-42"));

        Assert.Equal((20_000, 20_000), (error.Width, error.Height));
        Assert.Equal("request-42", error.ImageSource);
        Assert.Contains("decompression bomb", error.Message);
    }

    [Fact]
    public void A_small_file_announcing_millions_of_pixels_is_refused_before_its_pixel_buffer_is_allocated()
    {
        var png = PngBytes.Image(3_000, 3_000, PngBytes.Rgb, 8, [new byte[3_000 * 3]]);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<DecompressionBombException>(() => decoder.Decode(png, "small-but-large.png"));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 3_000L * 3_000, "the pixel buffer was allocated");
        Assert.Contains($"in only {png.Length:N0} bytes", error.Reason);
    }

    [Theory]
    [InlineData("wbmp", 60_000, "exceeds the limit")]
    [InlineData("ico", 60_000, "exceeds the limit")]
    [InlineData("wbmp", 8_000, "in only")]
    [InlineData("ico", 8_000, "in only")]
    public void An_ico_or_wbmp_header_announcing_more_than_the_budget_is_refused_before_its_pixel_buffer_is_allocated(
        string format, int side, string reason)
    {
        var file = format == "wbmp"
            ? WbmpBytes.Image(side, side, rows: 1)
            : IcoBytes.WithPng(PngBytes.Image(side, side, PngBytes.Rgb, 8, [new byte[side * 3]]), side, side);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<DecompressionBombException>(() => decoder.Decode(file, $"bomb.{format}"));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < (long)side * side, "the pixel buffer was allocated");
        Assert.Equal((side, side), (error.Width, error.Height));
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Small_ico_and_wbmp_files_are_decoded()
    {
        var png = PngBytes.Image(2, 1, PngBytes.Grey, 8, [[10, 200]]);

        var fromIco = decoder.Decode(IcoBytes.WithPng(png, 2, 1), "icon.ico");
        var fromWbmp = decoder.Decode(WbmpBytes.Image(9, 2, rows: 2), "white.wbmp");

        Assert.Equal(new byte[] { 10, 10, 10, 200, 200, 200 }, fromIco.Bytes.ToArray());
        Assert.Equal((9, 2), (fromWbmp.Width, fromWbmp.Height));
        Assert.All(fromWbmp.Bytes.ToArray(), value => Assert.Equal(255, value));
    }

    [Fact]
    public void A_flat_image_of_more_than_the_unchecked_pixels_is_still_decoded()
    {
        var side = (int)Math.Sqrt(ImageDecodingOptions.DefaultPixelsWithoutRatioCheck) + 100;
        var png = PngBytes.Image(side, side, PngBytes.Grey, 8, Enumerable.Repeat(new byte[side], side));

        var image = decoder.Decode(png, "flat.png");

        Assert.Equal((side, side), (image.Width, image.Height));
    }

    [Fact]
    public void The_pixel_limit_is_configurable()
    {
        var png = PngBytes.Image(4, 4, PngBytes.Grey, 8, Enumerable.Repeat(new byte[4], 4));
        var strict = new ImageDecoder(new ImageDecodingOptions { MaxPixels = 15 });

        Assert.Throws<DecompressionBombException>(() => strict.Decode(png, "small.png"));
        Assert.Equal(4, decoder.Decode(png, "small.png").Width);
    }

    [Fact]
    public void Empty_input_is_an_error_that_names_the_source()
    {
        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode([], "request-7"));

        Assert.Equal("request-7", error.ImageSource);
        Assert.Contains("request-7", error.Message);
        Assert.Contains("empty", error.Reason);
    }

    [Fact]
    public void A_text_file_is_not_taken_for_an_image()
    {
        var text = "This is a caption, not a picture. It is long enough to fill any header a codec looks at."u8.ToArray();

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode(text, "notes.txt"));

        Assert.Contains("notes.txt", error.Message);
        Assert.Contains("not a supported image format", error.Reason);
    }

    [Fact]
    public void A_truncated_png_is_reported_as_corrupt()
    {
        var png = PngBytes.Image(64, 64, PngBytes.Rgb, 8, Enumerable.Range(0, 64).Select(y => Enumerable.Range(0, 64 * 3).Select(x => (byte)(x * y)).ToArray()));

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode(png.AsSpan(0, png.Length / 2), "cut.png"));

        Assert.Contains("corrupt or truncated", error.Reason);
    }

    [Fact]
    public void Random_bytes_are_reported_as_an_error_not_a_crash()
    {
        var noise = new byte[4096];
        new Random(5).NextBytes(noise);

        Assert.Throws<ImageDecodeException>(() => decoder.Decode(noise, "noise.bin"));
    }
}
