using static TorchSharp.torch;

namespace Vrf.Tensors;

/// <summary>CLIP's embedding normalisation: divide by the plain square root of the sum of squares over the last dimension.</summary>
public static class L2Normalization
{
    public static Tensor Normalize(Tensor embeddings)
    {
        using var norm = embeddings.square().sum(-1, keepdim: true).sqrt_();
        return embeddings / norm;
    }
}
