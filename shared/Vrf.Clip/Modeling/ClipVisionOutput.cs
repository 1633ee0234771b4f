using static TorchSharp.torch;

namespace Vrf.Clip.Modeling;

/// <summary>What the vision tower gives: the encoder output and the pooled (post-layer-normed) class token.</summary>
/// <param name="LastHiddenState">[batch, 1 + patches, hidden], the encoder output without the post layer norm.</param>
/// <param name="PooledOutput">[batch, hidden], <c>post_layernorm</c> of the class token.</param>
public sealed record ClipVisionOutput(Tensor LastHiddenState, Tensor PooledOutput) : IDisposable
{
    public void Dispose()
    {
        LastHiddenState.Dispose();
        PooledOutput.Dispose();
    }
}
