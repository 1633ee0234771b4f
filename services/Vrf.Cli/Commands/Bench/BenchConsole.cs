using System.Globalization;
using Spectre.Console;

namespace Vrf.Cli.Commands.Bench;

/// <summary>Writes the benchmark's results: a table per model, its memory trace, and the machine's yardsticks.</summary>
public sealed class BenchConsole(IAnsiConsole console)
{
    private const double SlowRatio = 0.9;
    private const double Mebibyte = 1024 * 1024;

    public void Note(string text) => console.MarkupLine($"[yellow]{Markup.Escape(text)}[/]");

    public void Model(ModelBenchmark model)
    {
        var table = new Table()
            .Title(Markup.Escape(model.Name))
            .Caption(Markup.Escape(model.Shape))
            .AddColumn("Encoder")
            .AddColumn(new TableColumn("Batch").RightAligned())
            .AddColumn(new TableColumn("TorchSharp /s").RightAligned())
            .AddColumn(new TableColumn("PyTorch /s").RightAligned())
            .AddColumn(new TableColumn("Ratio").RightAligned())
            .AddColumn(new TableColumn("GFLOP/s").RightAligned())
            .AddColumn(new TableColumn("Efficiency").RightAligned());
        foreach (var row in model.Figures)
        {
            table.AddRow(
                row.Encoder,
                row.Batch.ToString(CultureInfo.InvariantCulture),
                Rate(row.TorchSharpPerSecond),
                row.PyTorchPerSecond is { } pyTorch ? Rate(pyTorch) : "–",
                row.Ratio is { } ratio ? RatioMarkup(ratio) : "–",
                Rate(row.GflopsPerSecond),
                row.Efficiency.ToString("P0", CultureInfo.InvariantCulture));
        }
        console.WriteLine();
        console.Write(table);
        if (model.PeerNote is { } note)
        {
            Note($"PyTorch peer: {note}");
        }
        if (model.Memory is { } memory)
        {
            Memory(memory);
        }
    }

    public void Summary(ClipBenchReport report)
    {
        var pyTorch = report.PyTorch is null ? "no PyTorch peer"
            : $"PyTorch {report.PyTorch} {(report.PyTorchMatmulGflopsPerSecond is { } rate ? Rate(rate) : "–")} GFLOP/s";
        console.WriteLine();
        console.WriteLine($"Matmul {report.Matmul.Size}×{report.Matmul.Size} float32 on {report.Device}, {report.Threads} thread(s) on both sides:");
        console.WriteLine($"  TorchSharp {report.TorchSharp} {Rate(report.Matmul.GflopsPerSecond)} GFLOP/s, {pyTorch}.");
        console.WriteLine($"  resident memory at start {Mib(report.ResidentBytesAtStart)} MiB; glibc malloc tunables: {report.MallocTunables ?? "none"}.");
        console.WriteLine("Ratio: TorchSharp ÷ PyTorch. Efficiency: achieved ÷ TorchSharp's matmul GFLOP/s.");
    }

    private void Memory(MemoryTrace memory)
    {
        console.WriteLine($"Memory over {memory.Batches} image batches of {memory.BatchSize} " +
            $"(before → after {MemoryTrace.WarmUpBatches} warm-up batches → end):");
        if (memory.Growth is { } growth)
        {
            console.WriteLine($"  resident {Mib(memory.Start.ResidentBytes)} → {Mib(memory.AfterWarmUp.ResidentBytes)} → " +
                $"{Mib(memory.End.ResidentBytes)} MiB, growth {growth / Mebibyte:+0.0;-0.0;0.0} MiB " +
                $"({growth / 1024.0 / memory.Batches:+0.00;-0.00;0.00} KiB per batch)");
        }
        console.WriteLine($"  live TorchSharp tensors {memory.Start.LiveTensors} → {memory.AfterWarmUp.LiveTensors} → {memory.End.LiveTensors}");
    }

    private static string Mib(long? bytes) => bytes is { } value ? (value / Mebibyte).ToString("0.0", CultureInfo.InvariantCulture) : "?";

    private static string RatioMarkup(double ratio) => BenchFormat.RatioMarkup(ratio, SlowRatio);

    private static string Rate(double value) => BenchFormat.Rate(value);
}
