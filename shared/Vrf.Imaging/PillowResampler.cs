namespace Vrf.Imaging;

/// <summary>
/// Pillow's 8-bit two-pass resampler (<c>ImagingResampleInner</c>): a horizontal pass into a uint8 image, then a
/// vertical pass, each skipped when that dimension keeps its size; sums start at 2^21 and are shifted by 22 bits and
/// clamped to 0..255. Only the output pixels of a region are computed; each equals what the full resize gives.
/// </summary>
public static class PillowResampler
{
    private const int Channels = RgbImage.Channels;
    private const int Half = 1 << (ResampleCoefficients.PrecisionBits - 1);

    /// <summary>The image resized to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static RgbImage Resize(RgbImage source, int width, int height, ResampleFilter filter) =>
        Resize(source, width, height, PixelRegion.Whole(width, height), filter);

    /// <summary>The pixels of <paramref name="region"/> of the image resized to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static RgbImage Resize(RgbImage source, int width, int height, PixelRegion region, ResampleFilter filter)
    {
        ArgumentNullException.ThrowIfNull(source);
        var kernel = ResampleKernel.For(filter);
        var vertical = height != source.Height
            ? ResampleCoefficients.Compute(source.Height, height, region.Top, region.Height, kernel)
            : null;
        var (firstRow, endRow) = vertical is null
            ? (region.Top, region.Top + region.Height)
            : (vertical.First.Min(), Enumerable.Range(0, region.Height).Max(i => vertical.First[i] + vertical.Count[i]));
        var rows = width != source.Width
            ? ResampleRows(source, ResampleCoefficients.Compute(source.Width, width, region.Left, region.Width, kernel), firstRow, endRow)
            : CopyColumns(source, region.Left, region.Width, firstRow, endRow);
        var pixels = vertical is null ? rows : ResampleColumns(rows, region.Width, vertical, firstRow);
        return new RgbImage(region.Width, region.Height, pixels);
    }

    private static byte[] ResampleRows(RgbImage source, ResampleCoefficients columns, int firstRow, int endRow)
    {
        var input = source.Bytes;
        var outWidth = columns.First.Length;
        var output = new byte[(endRow - firstRow) * outWidth * Channels];
        for (var y = firstRow; y < endRow; y++)
        {
            var inRow = y * source.Width;
            var outRow = (y - firstRow) * outWidth;
            for (var x = 0; x < outWidth; x++)
            {
                var weights = columns.Weights[x];
                int sum0 = Half, sum1 = Half, sum2 = Half;
                for (var tap = 0; tap < columns.Count[x]; tap++)
                {
                    var at = (inRow + columns.First[x] + tap) * Channels;
                    sum0 += input[at] * weights[tap];
                    sum1 += input[at + 1] * weights[tap];
                    sum2 += input[at + 2] * weights[tap];
                }
                var to = (outRow + x) * Channels;
                output[to] = Clip8(sum0);
                output[to + 1] = Clip8(sum1);
                output[to + 2] = Clip8(sum2);
            }
        }
        return output;
    }

    private static byte[] ResampleColumns(byte[] input, int width, ResampleCoefficients rows, int firstInputRow)
    {
        var outHeight = rows.First.Length;
        var output = new byte[outHeight * width * Channels];
        for (var y = 0; y < outHeight; y++)
        {
            var weights = rows.Weights[y];
            var firstRow = rows.First[y] - firstInputRow;
            for (var x = 0; x < width; x++)
            {
                int sum0 = Half, sum1 = Half, sum2 = Half;
                for (var tap = 0; tap < rows.Count[y]; tap++)
                {
                    var at = ((firstRow + tap) * width + x) * Channels;
                    sum0 += input[at] * weights[tap];
                    sum1 += input[at + 1] * weights[tap];
                    sum2 += input[at + 2] * weights[tap];
                }
                var to = (y * width + x) * Channels;
                output[to] = Clip8(sum0);
                output[to + 1] = Clip8(sum1);
                output[to + 2] = Clip8(sum2);
            }
        }
        return output;
    }

    private static byte[] CopyColumns(RgbImage source, int left, int width, int firstRow, int endRow)
    {
        var output = new byte[(endRow - firstRow) * width * Channels];
        for (var y = firstRow; y < endRow; y++)
        {
            source.Bytes.Slice((y * source.Width + left) * Channels, width * Channels)
                .CopyTo(output.AsSpan((y - firstRow) * width * Channels));
        }
        return output;
    }

    private static byte Clip8(int sum) => (byte)Math.Clamp(sum >> ResampleCoefficients.PrecisionBits, 0, 255);
}
