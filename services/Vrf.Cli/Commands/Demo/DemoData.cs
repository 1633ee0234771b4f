using System.Globalization;
using Spectre.Console;
using Vrf.Cli.Commands.Data;
using Vrf.Datasets.Export;
using Vrf.Datasets.Shifts;

namespace Vrf.Cli.Commands.Demo;

/// <summary>
/// The demo's first phase: MNIST as ImageFolders (a seeded training subset, a validation split, the first test images)
/// and every shifted test split, exactly as <c>vrf data mnist</c> and <c>vrf data mnist-shifts</c> write them, plus
/// the classes file. What an earlier run wrote is kept, and the phase says so.
/// </summary>
internal static class DemoData
{
    public static Task<DemoDataSet> PrepareAsync(Terminal terminal, DemoProfile profile, DemoFolders folders, bool fresh,
        CancellationToken cancellationToken)
    {
        if (fresh && Directory.Exists(folders.Root))
        {
            terminal.Out.MarkupLine(Markup.Escape($"--fresh: deleting the data of earlier runs in {folders.Root}."));
            Directory.Delete(folders.Root, recursive: true);
        }
        Directory.CreateDirectory(folders.Root);
        File.WriteAllLines(folders.Classes, Enumerable.Range(0, 10).Select(digit => digit.ToString(CultureInfo.InvariantCulture)));
        var mnist = new MnistExportOptions
        {
            Output = folders.Mnist,
            ValPerClass = profile.ValidationPerClass,
            Seed = DemoProfile.Seed,
            TrainLimit = profile.TrainImages,
            TestLimit = profile.TestImages,
        };
        var shifts = new MnistShiftOptions { Output = folders.Shifts, Seed = DemoProfile.Seed, TestLimit = profile.TestImages };
        IReadOnlyList<ExportedSplit> written =
        [
            .. ExportProgressBars.Show(terminal, (progress, token) => MnistExport.Write(mnist, progress, token), cancellationToken),
            .. ExportProgressBars.Show(terminal, (progress, token) => MnistShiftExport.Write(shifts, progress, token), cancellationToken),
        ];
        if (written.All(split => split.Written == 0))
        {
            terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Reusing the data an earlier run wrote in {folders.Root}: {written.Sum(split => split.Total):N0} images in {written.Count} splits.")));
        }
        else
        {
            foreach (var split in written)
            {
                terminal.Out.MarkupLine(Markup.Escape(ExportProgressBars.Line(split)));
            }
        }
        return Task.FromResult(new DemoDataSet(folders, [.. DigitShifts.Names.Select(name => (name, Path.Combine(folders.Shifts, name)))]));
    }
}

/// <summary>The demo's splits on disk: the MNIST folders and each shifted split by name.</summary>
internal sealed record DemoDataSet(DemoFolders Folders, IReadOnlyList<(string Name, string Folder)> Shifted);
