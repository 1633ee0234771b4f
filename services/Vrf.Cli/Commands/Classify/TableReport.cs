using System.Globalization;
using Spectre.Console;

namespace Vrf.Cli.Commands.Classify;

/// <summary>
/// A table whose rows are printed as the results arrive (each row a table of its own with the header's column
/// widths, so any number of results streams to a terminal or a file), then the summary line.
/// </summary>
internal sealed class TableReport(Terminal terminal) : IResultsReport
{
    private static readonly (string Header, int Width, Justify Alignment)[] Columns =
    [
        ("File", 28, Justify.Left),
        ("Class", 14, Justify.Left),
        ("P", 6, Justify.Right),
        ("d", 6, Justify.Right),
        ("d pct", 6, Justify.Right),
        ("ω", 6, Justify.Right),
        ("Zero-shot", 18, Justify.Left),
        ("Fine-tuned", 18, Justify.Left),
        ("Version", 12, Justify.Left),
        ("ms", 7, Justify.Right),
    ];

    /// <summary>The width the columns need, padding included.</summary>
    private static int Width => Columns.Sum(column => column.Width + 1);

    public void Start()
    {
        terminal.Out.Profile.Width = Math.Max(terminal.Out.Profile.Width, Width);
        terminal.Out.Write(Row([.. Columns.Select(column => $"[bold]{Markup.Escape(column.Header)}[/]")]));
    }

    public void Add(ClassifiedImage image)
    {
        var file = Markup.Escape(Path.GetFileName(image.File));
        if (image.Outcome?.Result is not { } result)
        {
            terminal.Out.MarkupLine($"{file}  [red]failed ({Markup.Escape(image.FailureStage ?? "client")}): {Markup.Escape(image.FailureReason ?? "")}[/]");
            return;
        }
        terminal.Out.Write(Row(
            file,
            Markup.Escape(result.PredictedClassName),
            Number(result.TopClasses[0].Probability, "0.000"),
            result.Distance is { } d ? Number(d, "0.000") : "-",
            result.DistancePercentile is { } percentile ? Number(percentile, "0.00") : "-",
            Number(result.Weight, "0.000"),
            Markup.Escape($"{result.ZeroShotTopClass.Name} {Number(result.ZeroShotTopClass.Probability, "0.00")}"),
            Markup.Escape($"{result.FineTunedTopClass.Name} {Number(result.FineTunedTopClass.Probability, "0.00")}"),
            Markup.Escape($"{result.ModelName}@{result.ModelVersion.ToString(CultureInfo.InvariantCulture)}"),
            Number(image.Elapsed.TotalMilliseconds, "0")));
    }

    public void Finish(ClassificationSummary summary) => terminal.Out.WriteLine(summary.ToString());

    private static Table Row(params string[] cells)
    {
        var table = new Table().Border(TableBorder.None).HideHeaders();
        foreach (var (_, width, alignment) in Columns)
        {
            table.AddColumn(new TableColumn("").Width(width).Alignment(alignment).Padding(0, 0, 1, 0));
        }
        table.AddRow(cells);
        return table;
    }

    private static string Number(double value, string format) =>
        double.IsPositiveInfinity(value) ? "∞" : value.ToString(format, CultureInfo.InvariantCulture);
}
