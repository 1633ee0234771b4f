using Vrf.ResNet.Modeling;

namespace Vrf.ResNet.Onnx;

/// <summary>A ResNet's shape and its weights read from an ONNX graph, keyed by <see cref="ResNetModel"/>'s parameter names.</summary>
public sealed record ResNetOnnxWeights(ResNetConfig Config, IReadOnlyDictionary<string, OnnxWeight> Tensors);

/// <summary>One float weight: its shape and values in row-major order.</summary>
public sealed record OnnxWeight(long[] Shape, float[] Values);
