using Vrf.Clip;
using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Measures model folders one after another against the run's matmul rate: TorchSharp's encoders and memory trace
/// with the model loaded, then (with the model freed) the PyTorch peer on the same folder; writes each model's table
/// as it finishes. PyTorch's matmul rate is taken once, in the first peer run.
/// </summary>
public sealed class ClipBenchSession(
    ClipBenchSettings settings, MatmulRate matmul, PyTorchPeer? peer, BenchProgress progress, BenchConsole output)
{
    private readonly List<ModelBenchmark> models = [];

    public IReadOnlyList<ModelBenchmark> Models => models;

    public double? PyTorchMatmulGflopsPerSecond { get; private set; }

    public void Measure(BenchTarget target)
    {
        var (config, torchSharp, memory) = progress.Run($"{target.Name}: TorchSharp", step =>
        {
            using var model = ClipModelFolder.Load(target.Folder, new ClipLoadOptions { Device = settings.DeviceOrDefault });
            var throughput = EncoderThroughput.Measure(model, settings.ImageBatches, settings.TextBatch, settings.Seconds, step);
            var trace = target.MemoryBatches > 0 ? MemoryTrace.Run(model, target.MemoryBatches, step) : null;
            return (model.Config, throughput, trace);
        });
        var (pyTorch, peerNote) = MeasurePeer(target);
        var benchmark = ModelBenchmark.From(target, config, torchSharp, pyTorch, peerNote, memory, matmul);
        models.Add(benchmark);
        output.Model(benchmark);
    }

    private (PeerMeasurement? Figures, string? Note) MeasurePeer(BenchTarget target)
    {
        if (peer is null)
        {
            return (null, null);
        }
        PeerMeasurement figures;
        try
        {
            var matmulSize = PyTorchMatmulGflopsPerSecond is null ? settings.MatmulSize : 0;
            figures = progress.Run($"{target.Name}: PyTorch {peer.TorchVersion}", _ => peer.Measure(
                target.Folder, settings.ImageBatches, settings.TextBatch, settings.ThreadCount, settings.Seconds, matmulSize));
        }
        catch (InvalidOperationException e)
        {
            return (null, e.Message);
        }
        PyTorchMatmulGflopsPerSecond ??= figures.MatmulGflopsPerSecond;
        var threads = get_num_threads();
        return (figures, figures.Threads == threads ? null : $"PyTorch ran with {figures.Threads} threads, TorchSharp with {threads}.");
    }
}
