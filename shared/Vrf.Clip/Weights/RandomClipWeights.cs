using TorchSharp.Modules;
using Vrf.Clip.Modeling;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.Weights;

/// <summary>
/// Reproducible random weights for a CLIP model that has a configuration but no checkpoint (benchmarks, load tests):
/// weight matrices, convolution kernels, embeddings and the class token from N(0, 0.02²) (transformers'
/// <c>initializer_range</c>), layer norms at weight 1 and bias 0, every other bias 0, <c>logit_scale</c> left at its
/// initial value. The same seed gives the same weights (drawn with <c>Tensor.normal_</c>: TorchSharp 0.107's
/// <c>nn.init.normal_</c> ignores its generator).
/// </summary>
public static class RandomClipWeights
{
    public const double StandardDeviation = 0.02;

    public static void Fill(ClipModel model, long seed)
    {
        using var noGrad = no_grad();
        using var generator = new Generator((ulong)seed, model.Device);
        var layerNorms = model.named_modules()
            .Where(m => m.module is LayerNorm)
            .Select(m => m.name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (ReferenceEquals(parameter, model.LogitScale))
            {
                continue;
            }
            var isBias = name.EndsWith(".bias", StringComparison.Ordinal);
            if (isBias)
            {
                parameter.zero_();
            }
            else if (layerNorms.Contains(Owner(name)))
            {
                HeldScalar.With(1.0, parameter.fill_);
            }
            else
            {
                parameter.normal_(0.0, StandardDeviation, generator);
            }
        }
    }

    private static string Owner(string parameterName)
    {
        var dot = parameterName.LastIndexOf('.');
        return dot < 0 ? "" : parameterName[..dot];
    }
}
