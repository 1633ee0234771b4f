using Onnx;
using Vrf.ResNet.Modeling;

namespace Vrf.ResNet.Onnx;

/// <summary>
/// Reads the ImageNet ResNet-18 graph of ML.NET's <c>ResNet18.onnx</c> (a CNTK export) by walking it from its input,
/// checking every node against the layout <see cref="ResNetModel"/> rebuilds: the 7x7 stride-2 stem padded
/// [3,3,2,2], batch norm, ReLU, a 3x3 stride-2 max-pool padded [1,1,0,0]; basic blocks (3x3 convolutions, a stride-2
/// first convolution padded [1,1,0,0] and a 1x1 stride-2 projection shortcut where a stage starts); a global average
/// pool. The stages' block counts and widths are taken from the graph; a graph that differs anywhere else is refused
/// with the node that differs, and every weight of the file must be used.
/// </summary>
public static class ResNetOnnxLayout
{
    private const string Conv = "Conv";
    private const string BatchNormalization = "BatchNormalization";
    private const string Relu = "Relu";

    public static ResNetOnnxWeights Read(string path)
    {
        var graph = OnnxGraph.Open(path);
        var weights = new Dictionary<string, OnnxWeight>(StringComparer.Ordinal);
        var epsilons = new HashSet<float>();
        var input = graph.SingleInput();
        var inputShape = OnnxGraph.Shape(input);
        if (inputShape.Length != 4 || inputShape[1] != 3 || inputShape[2] != inputShape[3])
        {
            throw graph.Unexpected($"the input '{input.Name}' is [{string.Join(",", inputShape)}], not [N,3,S,S]");
        }
        var imageSize = (int)inputShape[2];

        var stemConv = graph.SingleConsumer(input.Name, Conv);
        var stemWidth = ReadConv(graph, stemConv, "conv1", 3, 7, 2, ConvPadding.Stem, weights);
        var stemNorm = ReadBatchNorm(graph, graph.SingleConsumer(stemConv.Output[0], BatchNormalization), "bn1", stemWidth, weights, epsilons);
        var stemRelu = graph.SingleConsumer(stemNorm.Output[0], Relu);
        var pool = graph.SingleConsumer(stemRelu.Output[0], "MaxPool");
        CheckWindow(graph, pool, 3, 2, ConvPadding.StrideTwo);

        var x = pool.Output[0];
        var width = stemWidth;
        var stageBlocks = new List<int>();
        var stageWidths = new List<int>();
        while (graph.Consumers(x, "AveragePool").Count == 0)
        {
            var convs = graph.Consumers(x, Conv);
            var projection = convs.FirstOrDefault(c => OnnxGraph.Ints(c, "kernel_shape") is [1, 1]);
            var startsStage = stageBlocks.Count == 0 || projection is not null;
            if (startsStage)
            {
                stageBlocks.Add(0);
            }
            var prefix = $"layer{stageBlocks.Count}.{stageBlocks[^1]}";
            (x, width) = ReadBlock(graph, x, convs, projection, prefix, width, weights, epsilons);
            if (startsStage)
            {
                stageWidths.Add((int)width);
            }
            stageBlocks[^1]++;
        }
        var average = graph.SingleConsumer(x, "AveragePool");
        var finalSize = imageSize / ResNetInputSize.Multiple;
        CheckWindow(graph, average, finalSize, 1, ConvPadding.None);
        if (graph.Graph.Output.Count != 1 || graph.Graph.Output[0].Name != average.Output[0])
        {
            throw graph.Unexpected($"the global average pool's output '{average.Output[0]}' should be the graph's only output");
        }
        if (graph.UnusedInitializers.ToList() is { Count: > 0 } unused)
        {
            throw graph.Unexpected($"weights the layout does not use: {string.Join(", ", unused)}");
        }
        if (epsilons.Count != 1)
        {
            throw graph.Unexpected($"batch norms use different epsilons ({string.Join(", ", epsilons)})");
        }
        var config = new ResNetConfig
        {
            StemWidth = (int)stemWidth,
            StageBlocks = stageBlocks,
            StageWidths = stageWidths,
            BatchNormEps = epsilons.Single(),
            ImageSize = imageSize,
        };
        config.Validate(path);
        return new ResNetOnnxWeights(config, weights);
    }

    private static (string Output, long Width) ReadBlock(
        OnnxGraph graph, string input, IReadOnlyList<NodeProto> convs, NodeProto? projection, string prefix, long inWidth,
        Dictionary<string, OnnxWeight> weights, HashSet<float> epsilons)
    {
        var main = convs.Where(c => c != projection).ToList();
        if (main.Count != 1)
        {
            throw graph.Unexpected($"'{input}' should feed one 3x3 convolution (and at most one 1x1 projection), but feeds [{string.Join(", ", convs.Select(OnnxGraph.Describe))}]");
        }
        var stride = projection is null ? 1 : 2;
        var width = ReadConv(graph, main[0], $"{prefix}.conv1", inWidth, 3, stride, stride == 1 ? ConvPadding.Same : ConvPadding.StrideTwo, weights);
        var norm1 = ReadBatchNorm(graph, graph.SingleConsumer(main[0].Output[0], BatchNormalization), $"{prefix}.bn1", width, weights, epsilons);
        var conv2 = graph.SingleConsumer(graph.SingleConsumer(norm1.Output[0], Relu).Output[0], Conv);
        ReadConv(graph, conv2, $"{prefix}.conv2", width, 3, 1, ConvPadding.Same, weights);
        var norm2 = ReadBatchNorm(graph, graph.SingleConsumer(conv2.Output[0], BatchNormalization), $"{prefix}.bn2", width, weights, epsilons);
        var shortcut = input;
        if (projection is not null)
        {
            ReadConv(graph, projection, $"{prefix}.downsample.0", inWidth, 1, 2, ConvPadding.None, weights);
            shortcut = ReadBatchNorm(graph, graph.SingleConsumer(projection.Output[0], BatchNormalization), $"{prefix}.downsample.1", width, weights, epsilons).Output[0];
        }
        else if (width != inWidth)
        {
            throw graph.Unexpected($"{OnnxGraph.Describe(main[0])} changes the width from {inWidth} to {width} without a projection shortcut");
        }
        var add = graph.SingleConsumer(norm2.Output[0], "Add");
        if (!add.Input.Order(StringComparer.Ordinal).SequenceEqual(new[] { norm2.Output[0], shortcut }.Order(StringComparer.Ordinal)))
        {
            throw graph.Unexpected($"{OnnxGraph.Describe(add)} should add '{norm2.Output[0]}' and the shortcut '{shortcut}', not [{string.Join(", ", add.Input)}]");
        }
        return (graph.SingleConsumer(add.Output[0], Relu).Output[0], width);
    }

    /// <returns>The convolution's output width.</returns>
    private static long ReadConv(
        OnnxGraph graph, NodeProto node, string name, long inWidth, long kernel, long stride, ConvPadding padding,
        Dictionary<string, OnnxWeight> weights)
    {
        if (node.Input.Count != 2)
        {
            throw graph.Unexpected($"{OnnxGraph.Describe(node)} has a bias; the layout's convolutions have none");
        }
        CheckWindow(graph, node, kernel, stride, padding);
        if (OnnxGraph.Int(node, "group", 1) != 1 || OnnxGraph.Ints(node, "dilations").Any(d => d != 1))
        {
            throw graph.Unexpected($"{OnnxGraph.Describe(node)} is grouped or dilated");
        }
        var dims = graph.Dims(node.Input[1]);
        long[] shape = [dims.Count > 0 ? dims[0] : 0, inWidth, kernel, kernel];
        weights[$"{name}.weight"] = new OnnxWeight(shape, graph.Floats(node.Input[1], shape));
        return shape[0];
    }

    private static NodeProto ReadBatchNorm(
        OnnxGraph graph, NodeProto node, string name, long width, Dictionary<string, OnnxWeight> weights, HashSet<float> epsilons)
    {
        if (node.Input.Count != 5 || OnnxGraph.Int(node, "spatial", 1) != 1)
        {
            throw graph.Unexpected($"{OnnxGraph.Describe(node)} is not a per-channel batch norm with scale, bias, mean and variance");
        }
        string[] parameters = ["weight", "bias", "running_mean", "running_var"];
        for (var i = 0; i < parameters.Length; i++)
        {
            weights[$"{name}.{parameters[i]}"] = new OnnxWeight([width], graph.Floats(node.Input[i + 1], [width]));
        }
        epsilons.Add(OnnxGraph.Float(node, "epsilon", 1e-5f));
        return node;
    }

    private static void CheckWindow(OnnxGraph graph, NodeProto node, long kernel, long stride, ConvPadding padding)
    {
        var kernelShape = OnnxGraph.Ints(node, "kernel_shape");
        var strides = OnnxGraph.Ints(node, "strides");
        var pads = OnnxGraph.Ints(node, "pads");
        var autoPad = node.Attribute.FirstOrDefault(a => a.Name == "auto_pad")?.S.ToStringUtf8() ?? "NOTSET";
        if (!kernelShape.SequenceEqual([kernel, kernel]) || !strides.SequenceEqual([stride, stride])
            || !(pads.Count == 0 ? [0, 0, 0, 0] : pads).SequenceEqual(padding.OnnxOrder) || autoPad != "NOTSET")
        {
            throw graph.Unexpected(
                $"{OnnxGraph.Describe(node)} has kernel [{string.Join(",", kernelShape)}], strides [{string.Join(",", strides)}], " +
                $"pads [{string.Join(",", pads)}] and auto_pad {autoPad} where kernel [{kernel},{kernel}], strides [{stride},{stride}] " +
                $"and pads {padding} were expected");
        }
    }
}
