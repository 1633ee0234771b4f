using TorchSharp.Modules;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Training.Running;

/// <summary>
/// AdamW as WiSE-FT runs it: PyTorch's defaults (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no AMSGrad) and decoupled weight
/// decay on every trained parameter, in one parameter group. It is TorchSharp's <c>AdamW</c> (PyTorch's update: decay,
/// moments, bias corrections; its moments and step counts saved and loaded with checkpoints) with its step written
/// again, operation for operation, so that every number the step hands libtorch is held through the call
/// (<see cref="HeldScalar"/>): TorchSharp's own step leaves eight Scalars per parameter and step to the finalizer.
/// Every hyper-parameter is passed because TorchSharp's factory defaults β₂ to 0.99.
/// </summary>
internal sealed class PyTorchAdamW : AdamW
{
    public const double Beta1 = 0.9;
    public const double Beta2 = 0.999;
    public const double Epsilon = 1e-8;

    private PyTorchAdamW(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
        : base(parameters, learningRate, Beta1, Beta2, Epsilon, weightDecay, amsgrad: false, maximize: false)
    {
    }

    public static PyTorchAdamW Create(IEnumerable<Parameter> parameters, double learningRate, double weightDecay) =>
        new(parameters, learningRate, weightDecay);

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        var (beta1, beta2, eps) = (options.beta1!.Value, options.beta2!.Value, options.eps!.Value);
        var (learningRate, weightDecay) = (options.LearningRate!.Value, options.weight_decay!.Value);
        foreach (var parameter in group.Parameters)
        {
            var grad = parameter.grad;
            if (grad is null)
            {
                continue;
            }
            var state = (State)_state[parameter.Handle];
            state.step += 1;
            HeldScalar.With(1 - learningRate * weightDecay, parameter.mul_);
            var biasCorrection1 = 1 - Math.Pow(beta1, state.step);
            var biasCorrection2 = 1 - Math.Pow(beta2, state.step);
            HeldScalar.With(1 - beta1, alpha => HeldScalar.With(beta1, state.exp_avg.mul_).add_(grad, alpha));
            HeldScalar.With(1 - beta2, value => HeldScalar.With(beta2, state.exp_avg_sq.mul_).addcmul_(grad, grad, value));
            var denominator = HeldScalar.With(eps, HeldScalar.With(Math.Sqrt(biasCorrection2), divisor => state.exp_avg_sq.sqrt().div(divisor)).add_);
            HeldScalar.With(-(learningRate / biasCorrection1), value => parameter.addcdiv_(state.exp_avg, denominator, value));
        }
    }, closure);
}
