namespace Vrf.Imaging;

/// <summary>A filter of Pillow's <c>Resample.c</c>: its function and its support radius at scale 1.</summary>
internal sealed record ResampleKernel(Func<double, double> Weight, double Support)
{
    /// <summary>Keys' cubic convolution with a = -0.5 (Pillow's BICUBIC), same operation order as the C.</summary>
    private static readonly ResampleKernel Bicubic = new(x =>
    {
        const double a = -0.5;
        x = Math.Abs(x);
        if (x < 1.0)
        {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0)
        {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }, 2.0);

    private static readonly ResampleKernel Bilinear = new(x =>
    {
        x = Math.Abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }, 1.0);

    public static ResampleKernel For(ResampleFilter filter) => filter switch
    {
        ResampleFilter.Bicubic => Bicubic,
        ResampleFilter.Bilinear => Bilinear,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "No such resampling filter."),
    };
}
