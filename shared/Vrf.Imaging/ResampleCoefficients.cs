namespace Vrf.Imaging;

/// <summary>
/// Pillow's <c>precompute_coeffs</c> + <c>normalize_coeffs_8bpc</c> along one axis: for each output index the first
/// input index, the number of taps and their weights in 22-bit fixed point.
/// </summary>
internal sealed class ResampleCoefficients
{
    public const int PrecisionBits = 32 - 8 - 2;

    private ResampleCoefficients(int[] first, int[] count, int[][] weights)
    {
        First = first;
        Count = count;
        Weights = weights;
    }

    public int[] First { get; }

    public int[] Count { get; }

    public int[][] Weights { get; }

    /// <summary>Coefficients for output indices <paramref name="outputStart"/> .. + <paramref name="outputLength"/>.</summary>
    public static ResampleCoefficients Compute(
        int inputSize, int outputSize, int outputStart, int outputLength, ResampleKernel kernel)
    {
        var scale = (double)inputSize / outputSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = kernel.Support * filterScale;
        var inverseFilterScale = 1.0 / filterScale;
        var first = new int[outputLength];
        var count = new int[outputLength];
        var weights = new int[outputLength][];
        for (var i = 0; i < outputLength; i++)
        {
            var center = (outputStart + i + 0.5) * scale;
            var min = Math.Max((int)(center - support + 0.5), 0);
            var taps = Math.Min((int)(center + support + 0.5), inputSize) - min;
            var exact = new double[taps];
            var total = 0.0;
            for (var x = 0; x < taps; x++)
            {
                exact[x] = kernel.Weight((x + min - center + 0.5) * inverseFilterScale);
                total += exact[x];
            }
            weights[i] = exact.Select(w => ToFixedPoint(total != 0.0 ? w / total : w)).ToArray();
            first[i] = min;
            count[i] = taps;
        }
        return new ResampleCoefficients(first, count, weights);
    }

    /// <summary>Rounds half away from zero then truncates, as <c>(int)(w * (1 &lt;&lt; 22) ± 0.5)</c> in C.</summary>
    private static int ToFixedPoint(double weight) =>
        weight < 0
            ? (int)(-0.5 + weight * (1 << PrecisionBits))
            : (int)(0.5 + weight * (1 << PrecisionBits));
}
