using System.Globalization;
using Spectre.Console;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>Prints the pipeline's figures: a row per transport and mode, with the share of the in-process ceiling, and
/// the ratios the targets name.</summary>
public sealed class PipelineBenchTable(IAnsiConsole console)
{
    public void Write(BenchMachine machine, IReadOnlyList<PipelineBenchRow> rows)
    {
        var ceiling = rows.FirstOrDefault(row => row.Transport == "in-process")?.ImagesPerS;
        var table = new Table()
            .Title(Markup.Escape($"Classify pipeline, {rows[0].Model}"))
            .AddColumn("Transport")
            .AddColumn("Mode")
            .AddColumn(new TableColumn("Images/s").RightAligned())
            .AddColumn(new TableColumn("Of ceiling").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned())
            .AddColumn(new TableColumn("p95 ms").RightAligned())
            .AddColumn(new TableColumn("p99 ms").RightAligned())
            .AddColumn(new TableColumn("Failed").RightAligned());
        foreach (var row in rows)
        {
            table.AddRow(row.Transport, row.Mode, Number(row.ImagesPerS),
                ceiling is { } top ? (row.ImagesPerS / top).ToString("P0", CultureInfo.InvariantCulture) : "–",
                Number(row.P50Ms), Number(row.P95Ms), Number(row.P99Ms), row.Failed.ToString(CultureInfo.InvariantCulture));
        }
        console.WriteLine();
        console.Write(table);
        var memory = Closed(rows, PipelineBenchSettings.Memory);
        var rabbitMq = Closed(rows, PipelineBenchSettings.RabbitMq);
        if (memory is not null && rabbitMq is not null)
        {
            console.WriteLine($"RabbitMQ ÷ in-memory bus (closed loop): {rabbitMq.ImagesPerS / memory.ImagesPerS:0.00}×");
        }
        console.WriteLine($"{machine.Processors} processor(s), {machine.Os}, {machine.Runtime}, device {machine.Device}; " +
            $"load average at start {(machine.LoadAverage is { } load ? load.ToString("0.0", CultureInfo.InvariantCulture) : "?")}. " +
            "Latency is measured from each request's send time (open loop: from when it was due).");
    }

    private static PipelineBenchRow? Closed(IReadOnlyList<PipelineBenchRow> rows, string transport) =>
        rows.FirstOrDefault(row => row.Transport == transport && row.Mode == "closed");

    private static string Number(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}
