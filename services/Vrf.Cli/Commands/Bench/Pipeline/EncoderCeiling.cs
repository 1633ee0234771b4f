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

    /// <returns>Images per second over <paramref name="count"/> images (all of them over the time their batches took, the
    /// measure the pipeline's closed loop gets), after a few batches that warm the encoders up; each image's latency is its
    /// batch's.</returns>
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
        var encoding = TimeSpan.Zero;
        for (var done = 0; done < count; done += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            served.Embed(batchImages);
            var took = Stopwatch.GetElapsedTime(started);
            encoding += took;
            latencies.AddRange(Enumerable.Repeat(took.TotalMilliseconds, batch));
        }
        return LoadFigures.From(latencies, 0, encoding);
    }
}
