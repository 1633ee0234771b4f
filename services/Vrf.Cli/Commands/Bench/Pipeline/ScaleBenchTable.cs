using System.Globalization;
using Spectre.Console;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>Prints the scaling figures: a row per service and replica count, and where the processes outnumber the
/// machine's cores (past that point more replicas share the same cores and cannot add throughput).</summary>
public sealed class ScaleBenchTable(IAnsiConsole console)
{
    private const double TargetEfficiency = 0.8;

    public void Write(BenchMachine machine, IReadOnlyList<ScaleBenchRow> rows)
    {
        var table = new Table()
            .Title(Markup.Escape($"Replicas on RabbitMQ, {rows[0].Model}"))
            .AddColumn("Service")
            .AddColumn(new TableColumn("Replicas").RightAligned())
            .AddColumn(new TableColumn("Processes").RightAligned())
            .AddColumn(new TableColumn("Images/s").RightAligned())
            .AddColumn(new TableColumn("Speedup").RightAligned())
            .AddColumn(new TableColumn("Efficiency").RightAligned())
            .AddColumn(new TableColumn("p95 ms").RightAligned())
            .AddColumn(new TableColumn("Failed").RightAligned());
        foreach (var row in rows)
        {
            var efficiency = row.Efficiency.ToString("P0", CultureInfo.InvariantCulture);
            table.AddRow(row.Service, Whole(row.Replicas), Whole(row.Processes), row.ImagesPerS.ToString("0.0", CultureInfo.InvariantCulture),
                row.Speedup.ToString("0.00", CultureInfo.InvariantCulture) + "×",
                row.Efficiency < TargetEfficiency ? $"[yellow]{efficiency}[/]" : efficiency,
                row.P95Ms.ToString("0", CultureInfo.InvariantCulture), Whole(row.Failed));
        }
        console.WriteLine();
        console.Write(table);
        var crowded = rows.Where(row => row.Processes > machine.Processors).Select(row => $"{row.Service} × {row.Replicas}").ToList();
        console.WriteLine($"{machine.Processors} processor(s); load average at start " +
            $"{(machine.LoadAverage is { } load ? load.ToString("0.0", CultureInfo.InvariantCulture) : "?")}. " +
            (crowded.Count == 0
                ? "Every measurement had at most one service process per core."
                : $"The cores run out (more service processes than cores, besides this client) at: {string.Join(", ", crowded)}."));
    }

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}
