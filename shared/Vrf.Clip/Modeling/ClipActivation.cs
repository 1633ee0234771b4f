using TorchSharp;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.Modeling;

/// <summary>The MLP activations a CLIP <c>hidden_act</c> may name, computed as transformers' <c>ACT2FN</c> does.</summary>
public static class ClipActivation
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> ByName = new(StringComparer.Ordinal)
    {
        ["quick_gelu"] = QuickGelu,
        ["gelu"] = x => nn.functional.gelu(x),
        ["gelu_new"] = GeluTanh,
        ["gelu_pytorch_tanh"] = GeluTanh,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool IsSupported(string name) => ByName.ContainsKey(name);

    public static Func<Tensor, Tensor> ForName(string name) =>
        ByName.TryGetValue(name, out var activation)
            ? activation
            : throw new ArgumentException(
                $"Activation '{name}' is not supported; use one of {string.Join(", ", Names)}.", nameof(name));

    /// <summary>OpenAI's CLIP activation: x * sigmoid(1.702 x).</summary>
    private static Tensor QuickGelu(Tensor x)
    {
        using var gate = HeldScalar.With(1.702, x.mul).sigmoid_();
        return x * gate;
    }

    /// <summary>The tanh approximation of GELU (transformers' <c>gelu_new</c> and <c>gelu_pytorch_tanh</c>).</summary>
    private static Tensor GeluTanh(Tensor x) => nn.functional.gelu(x, TorchSharp.Modules.GELU.Approximate.tanh);
}
