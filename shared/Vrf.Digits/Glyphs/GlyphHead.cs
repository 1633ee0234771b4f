using Vrf.Imaging;
using Vrf.Tensors;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Digits.Glyphs;

/// <summary>
/// A zero-shot head built from class names without text, as CLIP's is built from prompts: every rendering of a class
/// (<see cref="GlyphRenderer.RenderAll"/>) is encoded, each embedding L2-normalised, the class's embeddings averaged
/// and the mean normalised again. The result is the head's weight [classes, dim] (bias 0); its scale is left to
/// temperature calibration. Works with any encoder given as a function from images to features.
/// </summary>
public static class GlyphHead
{
    /// <param name="renderings">Class-major renderings of <paramref name="classCount"/> classes.</param>
    /// <param name="encode">Features [N, dim] of RGB images (grey replicated, 28x28 as rendered); called under
    /// <c>no_grad</c>, with at most <paramref name="batchSize"/> images at a time.</param>
    /// <param name="progress">Receives the number of renderings encoded so far.</param>
    /// <returns>[classes, dim] float32 on the encoder's device, each row of unit length.</returns>
    public static Tensor Build(
        IReadOnlyList<GlyphRendering> renderings, int classCount, Func<IReadOnlyList<RgbImage>, Tensor> encode, int batchSize = 256,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var missing = Enumerable.Range(0, classCount).Except(renderings.Select(r => r.ClassIndex)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Classes without a rendering: {string.Join(", ", missing)}.", nameof(renderings));
        }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor? sums = null;
        var counts = new long[classCount];
        for (var start = 0; start < renderings.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = renderings.Skip(start).Take(batchSize).ToList();
            var features = encode(batch.Select(r => r.Image.ToRgb()).ToList()).to(ScalarType.Float32);
            var normalized = functional.normalize(features, p: 2, dim: 1);
            var classes = tensor(batch.Select(r => (long)r.ClassIndex).ToArray(), device: normalized.device);
            var into = sums ??= zeros([classCount, normalized.shape[1]], device: normalized.device);
            HeldScalar.With(1, one => into.index_add_(0, classes, normalized, one));
            foreach (var rendering in batch)
            {
                counts[rendering.ClassIndex]++;
            }
            progress?.Report(start + batch.Count);
        }
        var means = sums! / tensor(counts, device: sums!.device).to(ScalarType.Float32).unsqueeze(1);
        return functional.normalize(means, p: 2, dim: 1).MoveToOuterDisposeScope();
    }
}
