using Vrf.Datasets.Mnist;
using Vrf.Datasets.Shifts;
using Vrf.Digits.Glyphs;
using Vrf.Imaging;

namespace Vrf.Datasets.Export;

/// <summary>
/// Writes shifted copies of the MNIST test set as ImageFolders, one per shift (<c>&lt;out&gt;/rotate/3/00042.png</c>):
/// the same images, labels and file names as <c>test</c>, each image changed as its <see cref="IDigitShift"/> says,
/// deterministically from the seed.
/// </summary>
public static class MnistShiftExport
{
    public static IReadOnlyList<ExportedSplit> Write(
        MnistShiftOptions options, IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var test = MnistSet.Load(options.MnistFolder, MnistSplit.Test);
        var items = Enumerable.Range(0, options.TestLimit is { } limit ? Math.Min(limit, test.Count) : test.Count).ToList();
        using var renderer = new GlyphRenderer(options.FontRoot);
        var written = new List<ExportedSplit>();
        foreach (var shift in DigitShifts.Named(options.Shifts, renderer))
        {
            written.Add(SplitWriter.Write(
                shift.Name, Path.Combine(options.Output, shift.Name), items, test.Label,
                index => shift.Apply(test.Image(index), test.Label(index), SeededRandom.For(options.Seed, shift.Key, index)),
                progress, cancellationToken));
        }
        return written;
    }
}
