namespace Vrf.Digits.Imaging;

/// <summary>
/// Frames a picture of writing the way MNIST's digits were framed (LeCun et al.: "size normalized to fit in a 20x20
/// pixel box while preserving their aspect ratio ... centered in a 28x28 image by computing the center of mass of the
/// pixels"), for an image of any size:
/// <list type="number">
/// <item>Ink: with <see cref="InkPolarity.Auto"/>, an image whose one-pixel border averages above 127 is taken as dark
/// ink on light paper and inverted, so ink is always light on dark. The border's median (the paper's level) is
/// subtracted and the rest stretched so the strongest ink is 255 (an MNIST digit is left as it is).</item>
/// <item>Crop to the ink: the smallest box holding every pixel at least <see cref="MnistFrame.InkThreshold"/> of the
/// strongest ink.</item>
/// <item>Scale the crop, padded to a square around its centre, to <see cref="MnistFrame.BoxSize"/> pixels with Pillow's
/// antialiased bilinear resampler (skipped when it already has that size).</item>
/// <item>Paste it into a black <see cref="MnistFrame.CanvasSize"/> square so that its centre of mass lands on the
/// canvas centre (13.5, 13.5), rounded to whole pixels; anything pushed past the edge is cut off.</item>
/// </list>
/// An image without ink (blank, or one flat colour) gives a black canvas.
/// </summary>
public static class MnistFraming
{
    private const byte DarkBorderLimit = 127;

    public static GreyImage Frame(GreyImage image, InkPolarity polarity, MnistFrame? frame = null)
    {
        frame ??= MnistFrame.Mnist;
        frame.Validate();
        var ink = Ink(image, polarity);
        var canvas = new byte[frame.CanvasSize * frame.CanvasSize];
        if (InkBox(ink, frame.InkThreshold) is not { } found)
        {
            return new GreyImage(frame.CanvasSize, frame.CanvasSize, canvas);
        }
        var (left, top, width, height) = found;
        var box = ScaledToBox(Square(ink, left, top, width, height), frame.BoxSize);
        var (centreX, centreY) = CentreOfMass(box);
        var middle = (frame.CanvasSize - 1) / 2.0;
        var offsetX = (int)Math.Floor(middle - centreX + 0.5);
        var offsetY = (int)Math.Floor(middle - centreY + 0.5);
        for (var y = 0; y < box.Height; y++)
        {
            var to = y + offsetY;
            if (to < 0 || to >= frame.CanvasSize)
            {
                continue;
            }
            for (var x = 0; x < box.Width; x++)
            {
                var toX = x + offsetX;
                if (toX >= 0 && toX < frame.CanvasSize)
                {
                    canvas[to * frame.CanvasSize + toX] = box[y, x];
                }
            }
        }
        return new GreyImage(frame.CanvasSize, frame.CanvasSize, canvas);
    }

    /// <summary>Whether <paramref name="image"/> is dark writing on a light background, judged by its border.</summary>
    public static bool IsDarkOnLight(GreyImage image) => Border(image).Average(p => (double)p) > DarkBorderLimit;

    private static GreyImage Ink(GreyImage image, InkPolarity polarity)
    {
        var invert = polarity == InkPolarity.DarkOnLight || (polarity == InkPolarity.Auto && IsDarkOnLight(image));
        var light = invert ? image.Inverted() : image;
        var border = Border(light).Order().ToArray();
        var paper = border[border.Length / 2];
        var strongest = light.Bytes.ToArray().Max();
        if (paper == 0 && strongest == 255)
        {
            return light;
        }
        var range = strongest - paper;
        var pixels = new byte[light.Bytes.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            var above = light.Bytes[i] - paper;
            pixels[i] = range <= 0 || above <= 0 ? (byte)0 : (byte)((above * 255 + range / 2) / range);
        }
        return new GreyImage(light.Width, light.Height, pixels);
    }

    private static IEnumerable<byte> Border(GreyImage image)
    {
        for (var x = 0; x < image.Width; x++)
        {
            yield return image[0, x];
            if (image.Height > 1)
            {
                yield return image[image.Height - 1, x];
            }
        }
        for (var y = 1; y < image.Height - 1; y++)
        {
            yield return image[y, 0];
            if (image.Width > 1)
            {
                yield return image[y, image.Width - 1];
            }
        }
    }

    private static (int Left, int Top, int Width, int Height)? InkBox(GreyImage ink, double threshold)
    {
        var limit = Math.Max(1, (int)Math.Ceiling(threshold * 255));
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < ink.Height; y++)
        {
            for (var x = 0; x < ink.Width; x++)
            {
                if (ink[y, x] >= limit)
                {
                    (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                }
            }
        }
        return right < 0 ? null : (left, top, right - left + 1, bottom - top + 1);
    }

    /// <summary>The box cut out and centred on a black square whose side is the box's longer side.</summary>
    private static GreyImage Square(GreyImage image, int left, int top, int width, int height)
    {
        var side = Math.Max(width, height);
        var (padX, padY) = ((side - width) / 2, (side - height) / 2);
        var square = new byte[side * side];
        for (var y = 0; y < height; y++)
        {
            image.Bytes.Slice((top + y) * image.Width + left, width).CopyTo(square.AsSpan((padY + y) * side + padX));
        }
        return new GreyImage(side, side, square);
    }

    private static GreyImage ScaledToBox(GreyImage square, int boxSize) =>
        square.Width == boxSize ? square : GreyResize.ToSquare(square, boxSize);

    private static (double X, double Y) CentreOfMass(GreyImage image)
    {
        double mass = 0, sumX = 0, sumY = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var value = image[y, x];
                mass += value;
                sumX += x * value;
                sumY += y * value;
            }
        }
        return mass == 0 ? ((image.Width - 1) / 2.0, (image.Height - 1) / 2.0) : (sumX / mass, sumY / mass);
    }
}
