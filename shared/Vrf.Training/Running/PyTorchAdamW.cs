using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vrf.Training.Running;

/// <summary>
/// AdamW as WiSE-FT runs it: PyTorch's defaults (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no AMSGrad) and decoupled weight
/// decay on every trained parameter, in one parameter group. TorchSharp's <c>AdamW</c> applies PyTorch's update
/// (decay, moments, bias corrections) and saves and loads its moments and step counts, so checkpoints use it as it is;
/// every hyper-parameter is passed because TorchSharp's factory defaults β₂ to 0.99.
/// </summary>
internal static class PyTorchAdamW
{
    public const double Beta1 = 0.9;
    public const double Beta2 = 0.999;
    public const double Epsilon = 1e-8;

    public static AdamW Create(IEnumerable<Parameter> parameters, double learningRate, double weightDecay) =>
        optim.AdamW(parameters, lr: learningRate, beta1: Beta1, beta2: Beta2, eps: Epsilon, weight_decay: weightDecay, amsgrad: false);
}
