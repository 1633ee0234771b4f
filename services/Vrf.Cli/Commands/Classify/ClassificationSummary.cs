using System.Globalization;

namespace Vrf.Cli.Commands.Classify;

/// <summary>A run of <c>vrf classify</c> in numbers.</summary>
public sealed record ClassificationSummary(int Images, int Failed, TimeSpan Elapsed)
{
    public double ImagesPerSecond => Images / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Images} image(s) in {Elapsed.TotalSeconds:0.00} s ({ImagesPerSecond:0.0} images/s): {Images - Failed} classified, {Failed} failed.");
}
