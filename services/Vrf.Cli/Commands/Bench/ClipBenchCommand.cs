using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// <c>vrf bench clip</c>: the machine's matmul rate, then for each CLIP model the TorchSharp encoders' throughput,
/// the PyTorch peer's on the same folder, and a resident-memory trace; a table per model as it finishes.
/// </summary>
public sealed class ClipBenchCommand(Terminal terminal) : Command<ClipBenchSettings>
{
    private const string FixtureFolder = "tests/fixtures/clip-tiny";

    public override int Execute(CommandContext context, ClipBenchSettings settings, CancellationToken cancellationToken)
    {
        var residentAtStart = ResidentMemory.Bytes();
        var output = new BenchConsole(terminal.Out);
        var progress = new BenchProgress(terminal);
        set_num_threads(settings.ThreadCount);
        var device = InferenceDevice.Parse(settings.DeviceOrDefault);
        var peer = LocatePeer(settings, device, output, cancellationToken);
        var matmul = progress.Run("Matmul rate", _ => MatmulRate.Measure(settings.MatmulSize, device, settings.Seconds));

        var session = new ClipBenchSession(settings, matmul, peer, progress, output);
        foreach (var target in Targets(settings))
        {
            cancellationToken.ThrowIfCancellationRequested();
            session.Measure(target);
        }
        if (settings.VitB32)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var vit = progress.Run($"Writing {RandomVitB32Folder.Name}", _ => RandomVitB32Folder.Create());
            session.Measure(new BenchTarget(RandomVitB32Folder.Name, vit.Directory, settings.VitMemoryBatches));
        }

        var report = new ClipBenchReport(settings.DeviceOrDefault, get_num_threads(), typeof(torch).Assembly.GetName().Version!.ToString(3),
            peer?.TorchVersion, matmul, session.PyTorchMatmulGflopsPerSecond, Environment.GetEnvironmentVariable("GLIBC_TUNABLES"),
            residentAtStart, session.Models);
        output.Summary(report);
        if (settings.Json is { } json)
        {
            BenchReportFile.Write(report, json);
        }
        return 0;
    }

    private static PyTorchPeer? LocatePeer(ClipBenchSettings settings, Device device, BenchConsole output, CancellationToken cancellationToken)
    {
        if (settings.NoPeer)
        {
            return null;
        }
        if (device.type != DeviceType.CPU)
        {
            output.Note($"The PyTorch peer runs on the CPU only; it is skipped for --device {settings.DeviceOrDefault}.");
            return null;
        }
        var (peer, unavailable) = PyTorchPeer.Locate(output.Note, cancellationToken);
        if (unavailable is not null)
        {
            output.Note($"Continuing without the PyTorch peer: {unavailable}");
        }
        return peer;
    }

    private static IEnumerable<BenchTarget> Targets(ClipBenchSettings settings)
    {
        if (settings.Models.Length > 0)
        {
            return settings.Models.Select(folder => new BenchTarget(
                Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), folder, settings.MemoryBatches));
        }
        var fixture = RepositoryFiles.Find(FixtureFolder)
            ?? throw new DirectoryNotFoundException($"{FixtureFolder} was not found above {Directory.GetCurrentDirectory()}; pass --model DIR.");
        return [new BenchTarget("clip-tiny (test fixture)", fixture, settings.MemoryBatches)];
    }
}
