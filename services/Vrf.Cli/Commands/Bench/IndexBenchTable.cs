using System.Globalization;
using Spectre.Console;
using static Vrf.Cli.Commands.Bench.BenchFormat;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Writes <c>vrf bench index</c>'s results: the look-ups (every |V|, batch and K), then each set's memory and build
/// time, then Qdrant's look-ups when it ran.
/// </summary>
public sealed class IndexBenchTable(IAnsiConsole console)
{
    private const double TargetRatio = 1.0;
    private const double MemoryTarget = 1.1;

    public void Note(string text) => console.MarkupLine($"[yellow]{Markup.Escape(text)}[/]");

    public void Write(IndexBenchReport report, IReadOnlyDictionary<int, double> faissBuildMilliseconds)
    {
        var machine = report.Machine;
        var lookups = new Table()
            .Title("Exact K-th-distance look-ups: embedded failure index vs faiss IndexFlatL2")
            .Caption(Markup.Escape($"{machine.Cpu}, {machine.Cores} cores, {machine.Threads} thread(s) on both sides, " +
                $"load average {Number(machine.LoadAverage, "0.0")} at the start; {machine.Peer ?? "no faiss peer"}"))
            .AddColumn(new TableColumn("|V|").RightAligned())
            .AddColumn(new TableColumn("batch").RightAligned())
            .AddColumn(new TableColumn("K").RightAligned())
            .AddColumn(new TableColumn("embedded /s").RightAligned())
            .AddColumn(new TableColumn("faiss /s").RightAligned())
            .AddColumn(new TableColumn("ratio").RightAligned())
            .AddColumn(new TableColumn("max |d − d_faiss|").RightAligned());
        foreach (var row in report.Index)
        {
            lookups.AddRow(
                row.Size.ToString("N0", CultureInfo.InvariantCulture),
                row.Batch.ToString(CultureInfo.InvariantCulture),
                row.K.ToString(CultureInfo.InvariantCulture),
                Rate(row.QueriesPerSecond),
                row.FaissQueriesPerSecond is { } faiss ? Rate(faiss) : "–",
                row.Ratio is { } ratio ? RatioMarkup(ratio, TargetRatio) : "–",
                Number(row.MaxAbsoluteDistanceError, "0.0e+0"));
        }
        console.WriteLine();
        console.Write(lookups);
        console.WriteLine("Rates: queries per second in the fastest timed run. Ratio: embedded ÷ faiss.");
        Sets(report.Index, faissBuildMilliseconds);
        Service(report.Service);
        if (report.Qdrant is { Count: > 0 } qdrant)
        {
            Qdrant(qdrant);
        }
    }

    private void Sets(IReadOnlyList<IndexBenchRow> rows, IReadOnlyDictionary<int, double> faissBuildMilliseconds)
    {
        var table = new Table()
            .Title("Memory and build per set")
            .AddColumn(new TableColumn("|V|").RightAligned())
            .AddColumn(new TableColumn("bytes/vector").RightAligned())
            .AddColumn(new TableColumn("faiss bytes/vector").RightAligned())
            .AddColumn(new TableColumn("ratio").RightAligned())
            .AddColumn(new TableColumn("build ms").RightAligned())
            .AddColumn(new TableColumn("faiss build ms").RightAligned());
        foreach (var row in rows.DistinctBy(row => row.Size))
        {
            var ratio = row.BytesPerVector / row.FaissBytesPerVector;
            table.AddRow(
                row.Size.ToString("N0", CultureInfo.InvariantCulture),
                Number(row.BytesPerVector, "0"),
                Number(row.FaissBytesPerVector, "0"),
                ratio is { } known ? (known > MemoryTarget ? $"[yellow]{known:0.00}×[/]" : $"{known:0.00}×") : "–",
                row.BuildMilliseconds.ToString("0", CultureInfo.InvariantCulture),
                Number(faissBuildMilliseconds.TryGetValue(row.Size, out var build) ? build : null, "0"));
        }
        console.WriteLine();
        console.Write(table);
        console.WriteLine("Bytes/vector: resident-memory growth ÷ |V| over loading the set (embedded: a second load from its file, labels " +
            "and sample ids included; faiss: over add()), each after freed memory went back to the system. Build: that load; faiss: add().");
    }

    private void Service(IReadOnlyList<ServiceLookupRow> rows)
    {
        var table = new Table()
            .Title("The failure-index service's look-ups: one image each, batched by the service")
            .AddColumn(new TableColumn("|V|").RightAligned())
            .AddColumn(new TableColumn("K").RightAligned())
            .AddColumn(new TableColumn("at once").RightAligned())
            .AddColumn(new TableColumn("mean batch").RightAligned())
            .AddColumn(new TableColumn("service /s").RightAligned())
            .AddColumn(new TableColumn("one at a time /s").RightAligned())
            .AddColumn(new TableColumn("gain").RightAligned());
        foreach (var row in rows)
        {
            table.AddRow(row.Size.ToString("N0", CultureInfo.InvariantCulture), row.K.ToString(CultureInfo.InvariantCulture),
                row.InFlight.ToString(CultureInfo.InvariantCulture), row.MeanBatch.ToString("0.0", CultureInfo.InvariantCulture),
                Rate(row.QueriesPerSecond), row.SingleQueriesPerSecond is { } single ? Rate(single) : "–",
                row.Gain is { } gain ? gain.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–");
        }
        console.WriteLine();
        console.Write(table);
        console.WriteLine("Service: the embedded index behind the service's look-up batching (FailureIndex:MaxBatchSize and MaxBatchDelayMs), " +
            "as many single-image look-ups at once as a replica takes from its queue; one at a time: the batch-1 row above. No messages.");
    }

    private void Qdrant(IReadOnlyList<QdrantBenchRow> rows)
    {
        var table = new Table()
            .Title("Qdrant look-ups (gRPC), recall@K against the exact neighbours")
            .AddColumn(new TableColumn("|V|").RightAligned())
            .AddColumn(new TableColumn("batch").RightAligned())
            .AddColumn(new TableColumn("K").RightAligned())
            .AddColumn("search")
            .AddColumn(new TableColumn("Qdrant /s").RightAligned())
            .AddColumn(new TableColumn("recall@K").RightAligned());
        foreach (var row in rows)
        {
            table.AddRow(row.Size.ToString("N0", CultureInfo.InvariantCulture), row.Batch.ToString(CultureInfo.InvariantCulture),
                row.K.ToString(CultureInfo.InvariantCulture), row.Search, Rate(row.QueriesPerSecond),
                row.Recall.ToString("P1", CultureInfo.InvariantCulture));
        }
        console.WriteLine();
        console.Write(table);
    }
}
