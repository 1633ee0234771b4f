using static TorchSharp.torch;

namespace Vrf.Clip.Modeling;

/// <summary>What the text tower gives.</summary>
/// <param name="LastHiddenState">[batch, length, hidden], after <c>final_layer_norm</c>.</param>
/// <param name="EosIndex">[batch] int64, the position each row is pooled at.</param>
/// <param name="PooledOutput">[batch, hidden], the final hidden state at <paramref name="EosIndex"/>.</param>
public sealed record ClipTextOutput(Tensor LastHiddenState, Tensor EosIndex, Tensor PooledOutput) : IDisposable
{
    public void Dispose()
    {
        LastHiddenState.Dispose();
        EosIndex.Dispose();
        PooledOutput.Dispose();
    }
}
