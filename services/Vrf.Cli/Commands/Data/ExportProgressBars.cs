using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Vrf.Datasets.Export;

namespace Vrf.Cli.Commands.Data;

/// <summary>
/// Runs a dataset export under a progress bar per split, then prints per split how many images were written and how
/// many an earlier run had already written. Ctrl+C or SIGTERM stops it promptly (exit code 130); what was written stays,
/// and a re-run goes on from there.
/// </summary>
internal static class ExportProgressBars
{
    public static int Run(Terminal terminal, string what, Func<IProgress<ExportProgress>, CancellationToken, IReadOnlyList<ExportedSplit>> export, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var interruption = Interruption.Watch(cancellationToken);
        IReadOnlyList<ExportedSplit> splits;
        try
        {
            splits = Show(terminal, export, interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Token.IsCancellationRequested)
        {
            terminal.Warn(string.Create(CultureInfo.InvariantCulture,
                $"stopped after {clock.Elapsed.TotalSeconds:0.0} s; the images written so far are kept and a re-run goes on from there"));
            return CliErrors.Interrupted;
        }
        foreach (var split in splits)
        {
            terminal.Out.MarkupLine(Markup.Escape(Line(split)));
        }
        terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{what} in {clock.Elapsed.TotalSeconds:0.0} s.")));
        return 0;
    }

    /// <summary>Runs an export under a bar per split and returns what it wrote.</summary>
    public static IReadOnlyList<ExportedSplit> Show(Terminal terminal,
        Func<IProgress<ExportProgress>, CancellationToken, IReadOnlyList<ExportedSplit>> export, CancellationToken cancellationToken) =>
        terminal.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => export(new SplitBars(context), cancellationToken));

    /// <summary>A split in one line: its images, folder, and how many were written now and how many an earlier run had.</summary>
    public static string Line(ExportedSplit split)
    {
        var reused = split.AlreadyThere > 0 ? $", {split.AlreadyThere:N0} already there from an earlier run (kept)" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{split.Name}: {split.Total:N0} images in {split.Folder} ({split.Written:N0} written{reused})");
    }

    private sealed class SplitBars(ProgressContext context) : IProgress<ExportProgress>
    {
        private readonly Dictionary<string, ProgressTask> bars = [];
        private readonly Lock barsLock = new();

        public void Report(ExportProgress value)
        {
            using var held = barsLock.EnterScope();
            if (!bars.TryGetValue(value.Split, out var bar))
            {
                bar = context.AddTask(value.Split, maxValue: Math.Max(1, value.Total));
                bars[value.Split] = bar;
            }
            bar.Value = Math.Max(bar.Value, value.Done);
        }
    }
}
