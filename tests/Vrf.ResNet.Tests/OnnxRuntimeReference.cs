using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Vrf.ResNet.Tests;

/// <summary>The package's own two ONNX graphs run by ONNX Runtime: RGB 0..255 [1, 3, S, S] to 512 features.</summary>
public sealed class OnnxRuntimeReference : IDisposable
{
    private readonly InferenceSession preprocess;
    private readonly InferenceSession network;

    public OnnxRuntimeReference(ResNet18Package package)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 2 };
        preprocess = new InferenceSession(package.PreprocessPath, options);
        network = new InferenceSession(package.ModelPath, options);
    }

    /// <summary>The preprocessing graph's output (BGR minus the mean image).</summary>
    public float[] Preprocess(float[] rgbPlanes, int size) => Run(preprocess, rgbPlanes, size);

    /// <summary>Both graphs in turn.</summary>
    public float[] Features(float[] rgbPlanes, int size) => Run(network, Preprocess(rgbPlanes, size), size);

    private static float[] Run(InferenceSession session, float[] input, int size)
    {
        var name = session.InputMetadata.Keys.Single();
        var tensor = new DenseTensor<float>(input, [1, 3, size, size]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(name, tensor)]);
        return results.Single().AsEnumerable<float>().ToArray();
    }

    public void Dispose()
    {
        preprocess.Dispose();
        network.Dispose();
    }
}
