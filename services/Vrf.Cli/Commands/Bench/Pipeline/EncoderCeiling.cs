using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Cli.Commands.Models;
using Vrf.Encoders;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>
/// The ceiling of the pipeline: the same model version's two encoders run in this process on batches of the size the
/// embedding service batches, on images decoded and preprocessed beforehand (no messages, no decoding).
/// </summary>
public static class EncoderCeiling
{
    private const int WarmUpBatches = 3;

    /// <returns>Images per second of the fastest batch over <paramref name="count"/> images, after a few batches that warm
    /// the encoders up, as <c>vrf bench clip</c> rates its runs (other programs on a shared machine only ever slow a batch
    /// down); each image's latency is its batch's.</returns>
    public static LoadFigures Measure(string? store, string device, ModelReference model, IReadOnlyList<byte[]> images, int batch, int count,
        CancellationToken cancellationToken)
    {
        using var services = ServingServices.Create(store, device);
        var bundle = services.GetRequiredService<ModelStore>().Find(model);
        using var served = ServedModel.Load(bundle, services.GetRequiredService<EncoderKinds>(), device);
        var preprocessed = images.Select((image, i) => served.Preprocess(image, $"bench-{i}.png")).ToList();
        var batchImages = Enumerable.Range(0, batch).Select(i => preprocessed[i % preprocessed.Count]).ToList();
        for (var warmUp = 0; warmUp < WarmUpBatches; warmUp++)
        {
            served.Embed(batchImages);
        }
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < count; done += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            served.Embed(batchImages);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.AddRange(Enumerable.Repeat(milliseconds, batch));
        }
        return LoadFigures.From(latencies, 0, clock.Elapsed) with { ImagesPerSecond = batch * 1000 / latencies.Min() };
    }
}
