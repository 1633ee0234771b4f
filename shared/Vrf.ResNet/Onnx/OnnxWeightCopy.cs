using Vrf.ResNet.Modeling;
using static TorchSharp.torch;

namespace Vrf.ResNet.Onnx;

/// <summary>Fills a <see cref="ResNetModel"/> from weights read out of ONNX, by parameter name.</summary>
internal static class OnnxWeightCopy
{
    /// <summary>Batch norm's step counter has no ONNX counterpart; it stays 0.</summary>
    private const string StepCounter = ".num_batches_tracked";

    public static void CopyInto(ResNetModel model, ResNetOnnxWeights weights, string origin)
    {
        var expected = model.state_dict().Where(p => !p.Key.EndsWith(StepCounter, StringComparison.Ordinal)).ToList();
        var missing = expected.Select(p => p.Key).Where(name => !weights.Tensors.ContainsKey(name)).ToList();
        var extra = weights.Tensors.Keys.Except(expected.Select(p => p.Key)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidDataException(
                $"The weights read from '{origin}' do not fit the model: missing [{string.Join(", ", missing)}], unused [{string.Join(", ", extra)}].");
        }
        using var noGrad = no_grad();
        foreach (var (name, destination) in expected)
        {
            var weight = weights.Tensors[name];
            if (!weight.Shape.SequenceEqual(destination.shape))
            {
                throw new InvalidDataException(
                    $"Weight '{name}' read from '{origin}' is [{string.Join(",", weight.Shape)}]; the model expects [{string.Join(",", destination.shape)}].");
            }
            using var source = tensor(weight.Values, weight.Shape);
            destination.copy_(source);
        }
    }
}
