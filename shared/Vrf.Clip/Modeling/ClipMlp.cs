using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>The feed-forward block of an encoder layer: <c>fc2(act(fc1(x)))</c>.</summary>
public sealed class ClipMlp : Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Func<Tensor, Tensor> activation;

    public ClipMlp(int hiddenSize, int intermediateSize, string hiddenAct, Device? device = null, ScalarType? dtype = null)
        : base(nameof(ClipMlp))
    {
        activation = ClipActivation.ForName(hiddenAct);
        fc1 = Linear(hiddenSize, intermediateSize, hasBias: true, device, dtype);
        fc2 = Linear(intermediateSize, hiddenSize, hasBias: true, device, dtype);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates)
    {
        using var scope = NewDisposeScope();
        return fc2.forward(activation(fc1.forward(hiddenStates))).MoveToOuterDisposeScope();
    }
}
