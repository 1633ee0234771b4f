using System.Globalization;
using Vrf.Digits.Imaging;

namespace Vrf.Datasets.Export;

/// <summary>Writes one split's images on every core, reporting progress and stopping promptly when cancelled.</summary>
internal static class SplitWriter
{
    /// <param name="items">The images' indices in their source set; each is written as <c>&lt;label&gt;/&lt;index:D5&gt;.png</c>.</param>
    public static ExportedSplit Write(
        string name, string folder, IReadOnlyList<int> items, Func<int, int> label, Func<int, GreyImage> image,
        IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var writer = new ImageFolderWriter(folder);
        int written = 0, done = 0;
        progress?.Report(new ExportProgress(name, 0, items.Count));
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, items.Count, options, i =>
        {
            var index = items[i];
            if (writer.Write(label(index).ToString(CultureInfo.InvariantCulture), index.ToString("D5", CultureInfo.InvariantCulture), () => image(index)))
            {
                Interlocked.Increment(ref written);
            }
            var now = Interlocked.Increment(ref done);
            if (now % 250 == 0 || now == items.Count)
            {
                progress?.Report(new ExportProgress(name, now, items.Count));
            }
        });
        return new ExportedSplit(name, folder, written, items.Count - written);
    }
}
