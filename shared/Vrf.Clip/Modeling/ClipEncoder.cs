using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>The stack of encoder layers of one tower (<c>encoder.layers.N</c>).</summary>
public sealed class ClipEncoder : Module<Tensor, Tensor?, Tensor>
{
    private readonly ModuleList<ClipEncoderLayer> layers;

    public ClipEncoder(ClipTowerShape shape, Device? device = null, ScalarType? dtype = null) : base(nameof(ClipEncoder))
    {
        layers = ModuleList(Enumerable.Range(0, shape.LayerCount)
            .Select(_ => new ClipEncoderLayer(shape, device, dtype))
            .ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor inputsEmbeds, Tensor? additiveMask)
    {
        var hiddenStates = inputsEmbeds;
        foreach (var layer in layers)
        {
            var next = layer.forward(hiddenStates, additiveMask);
            if (!ReferenceEquals(hiddenStates, inputsEmbeds))
            {
                hiddenStates.Dispose();
            }
            hiddenStates = next;
        }
        return ReferenceEquals(hiddenStates, inputsEmbeds) ? inputsEmbeds.alias() : hiddenStates;
    }
}
