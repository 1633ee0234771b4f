using SkiaSharp;

namespace Vrf.Testing.Models;

/// <summary>Draws small labelled PNGs: each class has its own colour and shape, each image its own position and noise.</summary>
public static class TinyImages
{
    public const int Size = 32;

    private static readonly SKColor[] Colours = [new(220, 40, 40), new(40, 190, 60), new(50, 70, 230)];

    /// <summary>Writes <paramref name="perClass"/> images of every class into <c>folder/&lt;class&gt;/</c>.</summary>
    public static void WriteImageFolder(string folder, IReadOnlyList<string> classNames, int perClass, int seed)
    {
        var random = new Random(seed);
        for (var label = 0; label < classNames.Count; label++)
        {
            var classFolder = Directory.CreateDirectory(Path.Combine(folder, classNames[label])).FullName;
            for (var i = 0; i < perClass; i++)
            {
                File.WriteAllBytes(Path.Combine(classFolder, $"{i:000}.png"), Draw(label, random));
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="perClass"/> images of every class with their colours inverted: a distribution shift the
    /// models were never shown, on which they do worse than on drawn images.
    /// </summary>
    public static void WriteInvertedImageFolder(string folder, IReadOnlyList<string> classNames, int perClass, int seed)
    {
        var random = new Random(seed);
        for (var label = 0; label < classNames.Count; label++)
        {
            var classFolder = Directory.CreateDirectory(Path.Combine(folder, classNames[label])).FullName;
            for (var i = 0; i < perClass; i++)
            {
                File.WriteAllBytes(Path.Combine(classFolder, $"{i:000}.png"), DrawInverted(label, random));
            }
        }
    }

    /// <summary>One PNG of class <paramref name="label"/> with its colours inverted.</summary>
    public static byte[] DrawInverted(int label, Random random) => Invert(Draw(label, random));

    /// <summary>One PNG of class <paramref name="label"/>.</summary>
    public static byte[] Draw(int label, Random random)
    {
        using var bitmap = new SKBitmap(Size, Size);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)random.Next(200, 256), (byte)random.Next(200, 256), (byte)random.Next(200, 256)));
            using var paint = new SKPaint { Color = Colours[label % Colours.Length], IsAntialias = true };
            var x = random.Next(8, 24);
            var y = random.Next(8, 24);
            switch (label % 3)
            {
                case 0:
                    canvas.DrawCircle(x, y, random.Next(5, 9), paint);
                    break;
                case 1:
                    canvas.DrawRect(x - 6, y - 6, 12, 12, paint);
                    break;
                default:
                    for (var stripe = 0; stripe < Size; stripe += 6)
                    {
                        canvas.DrawRect(0, stripe + random.Next(0, 2), Size, 3, paint);
                    }
                    break;
            }
        }
        return Encode(bitmap);
    }

    private static byte[] Invert(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var colour = bitmap.GetPixel(x, y);
                bitmap.SetPixel(x, y, new SKColor((byte)(255 - colour.Red), (byte)(255 - colour.Green), (byte)(255 - colour.Blue), colour.Alpha));
            }
        }
        return Encode(bitmap);
    }

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
