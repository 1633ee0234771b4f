using Vrf.ResNet.Preprocessing;

namespace Vrf.ResNet.Onnx;

/// <summary>
/// Reads ML.NET's <c>ResNetPreprocess.onnx</c>: it splits an RGB image [1,3,S,S] (0..255) into its channels, joins
/// them again as B, G, R and subtracts a mean image [1,3,S,S]. The graph is checked node by node; the mean image is
/// returned in that BGR order.
/// </summary>
public static class ResNetPreprocessLayout
{
    public static PixelMean Read(string path)
    {
        var graph = OnnxGraph.Open(path);
        var input = graph.SingleInput();
        var shape = OnnxGraph.Shape(input);
        if (shape.Length != 4 || shape[1] != 3 || shape[2] != shape[3])
        {
            throw graph.Unexpected($"the input '{input.Name}' is [{string.Join(",", shape)}], not [N,3,S,S]");
        }
        var split = graph.SingleConsumer(input.Name, "Split");
        if (OnnxGraph.Int(split, "axis", 0) != 1 || split.Output.Count != 3)
        {
            throw graph.Unexpected($"{OnnxGraph.Describe(split)} should split the three channels");
        }
        var concat = graph.SingleConsumer(split.Output[0], "Concat");
        if (OnnxGraph.Int(concat, "axis", 0) != 1 || !concat.Input.SequenceEqual([split.Output[2], split.Output[1], split.Output[0]]))
        {
            throw graph.Unexpected($"{OnnxGraph.Describe(concat)} should join the channels in reverse order (RGB to BGR)");
        }
        var subtract = graph.SingleConsumer(concat.Output[0], "Sub");
        if (subtract.Input.Count != 2 || subtract.Input[0] != concat.Output[0]
            || graph.Graph.Output.Count != 1 || graph.Graph.Output[0].Name != subtract.Output[0])
        {
            throw graph.Unexpected($"{OnnxGraph.Describe(subtract)} should subtract a mean image from the BGR image and give the graph's output");
        }
        var size = (int)shape[2];
        var mean = graph.Floats(subtract.Input[1], [1, 3, size, size]);
        return new PixelMean(size, mean);
    }
}
