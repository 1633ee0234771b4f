using SkiaSharp;
using Vrf.Digits.Glyphs;
using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.ResNet.Tests;

/// <summary>Digits drawn with the glyph renderer, as MNIST-like images, as scans (dark on light, large, not square) and as PNG files.</summary>
public static class DigitPictures
{
    /// <summary>A digit in a held-out font, framed like MNIST (28x28, white on black).</summary>
    public static GreyImage Mnist(GlyphRenderer renderer, int digit, int font = 0, float angle = 0) =>
        renderer.Render(digit.ToString(System.Globalization.CultureInfo.InvariantCulture), new GlyphTemplate(GlyphFonts.HeldOut[font].File, 48, 0.04f, angle))!;

    /// <summary>The same digit as a scan: dark ink on light paper, 120 x 90 pixels.</summary>
    public static RgbImage Scan(GreyImage digit)
    {
        var paper = GreyResize.ToSquare(digit.Inverted(), 90);
        var pixels = new byte[120 * 90];
        Array.Fill(pixels, (byte)255);
        for (var y = 0; y < 90; y++)
        {
            paper.Bytes.Slice(y * 90, 90).CopyTo(pixels.AsSpan(y * 120 + 15));
        }
        return new GreyImage(120, 90, pixels).ToRgb();
    }

    public static void WritePng(string path, GreyImage image)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        image.Bytes.CopyTo(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
