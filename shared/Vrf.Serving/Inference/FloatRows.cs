using static TorchSharp.torch;

namespace Vrf.Serving.Inference;

/// <summary>A [rows, columns] tensor copied to the CPU as one float32 array per row.</summary>
internal static class FloatRows
{
    public static float[][] Of(Tensor matrix)
    {
        var columns = (int)matrix.shape[1];
        return [.. matrix.detach().to(ScalarType.Float32).cpu().data<float>().ToArray().Chunk(columns)];
    }
}
