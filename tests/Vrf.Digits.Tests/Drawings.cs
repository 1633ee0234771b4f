using Vrf.Digits.Imaging;

namespace Vrf.Digits.Tests;

/// <summary>Synthetic pictures of writing for the framing tests.</summary>
public static class Drawings
{
    /// <summary>A photo-like page: light paper (a soft gradient around 220) with a dark "7" drawn off-centre.</summary>
    public static GreyImage DarkSevenOnPaper(int width = 300, int height = 200)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var paper = 210 + 20 * x / width;
                var stroke = (y is >= 40 and < 52 && x is >= 180 and < 260) || (x >= 230 - (y - 40) / 2 && x < 244 - (y - 40) / 2 && y is >= 52 and < 160);
                pixels[y * width + x] = (byte)(stroke ? 30 : paper);
            }
        }
        return new GreyImage(width, height, pixels);
    }

    public static (int Left, int Top, int Width, int Height) InkBox(GreyImage image)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image[y, x] > 0)
                {
                    (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                }
            }
        }
        return (left, top, right - left + 1, bottom - top + 1);
    }

    public static (double X, double Y) CentreOfMass(GreyImage image)
    {
        double mass = 0, x = 0, y = 0;
        for (var row = 0; row < image.Height; row++)
        {
            for (var column = 0; column < image.Width; column++)
            {
                mass += image[row, column];
                x += column * image[row, column];
                y += row * image[row, column];
            }
        }
        return (x / mass, y / mass);
    }
}
