using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Testing.Models.ConvNet;

/// <summary>Writes <see cref="TinyConvNetKind"/> folders with seeded weights.</summary>
public static class TinyConvNetFolder
{
    /// <summary>A folder whose every parameter is drawn from <paramref name="seed"/>; with <paramref name="perturbation"/>,
    /// seeded noise is added after that to every floating-point weight (the batch normalisation's running statistics
    /// included), as training would move them.</summary>
    public static void Write(string folder, int seed, int? perturbation = null)
    {
        var config = TinyConvNetConfig.Small;
        Directory.CreateDirectory(folder);
        config.Save(folder);
        using var network = new TinyConvNet(config);
        using (no_grad())
        {
            var generator = new Generator((ulong)seed);
            foreach (var parameter in network.parameters())
            {
                using var drawn = HeldScalar.With(0.5, randn(parameter.shape, generator: generator).mul);
                parameter.copy_(drawn);
            }
            if (perturbation is { } noiseSeed)
            {
                var noise = new Generator((ulong)noiseSeed);
                foreach (var weight in network.state_dict().Values.Where(weight => weight.is_floating_point()))
                {
                    using var drawn = HeldScalar.With(0.1, randn(weight.shape, generator: noise).mul);
                    weight.add_(drawn);
                }
            }
        }
        CheckpointWeights.Save(network, Path.Combine(folder, TinyConvNetEncoder.WeightsFileName));
    }
}
