using Google.Protobuf;
using Onnx;

namespace Vrf.ResNet.Onnx;

/// <summary>
/// Read access to an ONNX model's graph for walking it node by node: the nodes that consume a tensor, attributes by
/// name, and float initialisers as arrays. Errors name the file and the node.
/// </summary>
internal sealed class OnnxGraph
{
    private readonly ILookup<string, NodeProto> consumers;
    private readonly Dictionary<string, TensorProto> initializers;
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    private OnnxGraph(string path, ModelProto model)
    {
        Path = path;
        Graph = model.Graph;
        consumers = Graph.Node.SelectMany(node => node.Input.Select(input => (input, node))).ToLookup(p => p.input, p => p.node);
        initializers = Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public string Path { get; }

    public GraphProto Graph { get; }

    /// <summary>Initialisers not read by <see cref="Floats"/> yet.</summary>
    public IEnumerable<string> UnusedInitializers => initializers.Keys.Where(name => !used.Contains(name)).Order(StringComparer.Ordinal);

    public static OnnxGraph Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"ONNX model '{path}' does not exist.", path);
        }
        try
        {
            using var stream = File.OpenRead(path);
            return new OnnxGraph(path, ModelProto.Parser.ParseFrom(stream));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"'{path}' is not an ONNX model: {e.Message}", e);
        }
    }

    /// <summary>The one input that is not an initialiser.</summary>
    public ValueInfoProto SingleInput()
    {
        var inputs = Graph.Input.Where(i => !initializers.ContainsKey(i.Name)).ToList();
        return inputs.Count == 1 ? inputs[0] : throw Unexpected($"the graph has {inputs.Count} data inputs, not 1");
    }

    public static long[] Shape(ValueInfoProto value) => value.Type.TensorType.Shape.Dim.Select(d => d.DimValue).ToArray();

    /// <summary>The nodes of type <paramref name="opType"/> that read <paramref name="tensor"/>.</summary>
    public IReadOnlyList<NodeProto> Consumers(string tensor, string opType) =>
        consumers[tensor].Where(n => n.OpType == opType).ToList();

    /// <summary>The one node that reads <paramref name="tensor"/>, which must be of type <paramref name="opType"/>.</summary>
    public NodeProto SingleConsumer(string tensor, string opType)
    {
        var nodes = consumers[tensor].ToList();
        return nodes.Count == 1 && nodes[0].OpType == opType
            ? nodes[0]
            : throw Unexpected($"'{tensor}' should be read by one {opType} node, but is read by [{string.Join(", ", nodes.Select(Describe))}]");
    }

    public static IReadOnlyList<long> Ints(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.Ints ?? (IReadOnlyList<long>)[];

    public static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;

    public static float Float(NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.F ?? fallback;

    /// <summary>The shape of the initialiser <paramref name="name"/>.</summary>
    public IReadOnlyList<long> Dims(string name) =>
        initializers.TryGetValue(name, out var tensor)
            ? tensor.Dims
            : throw Unexpected($"'{name}' should be a weight (an initialiser) but is computed by the graph");

    /// <summary>A float initialiser's values (from <c>float_data</c> or <c>raw_data</c>) after checking its shape.</summary>
    public float[] Floats(string name, IReadOnlyList<long> expectedShape)
    {
        if (!initializers.TryGetValue(name, out var tensor))
        {
            throw Unexpected($"'{name}' should be a weight (an initialiser) but is computed by the graph");
        }
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw Unexpected($"weight '{name}' has element type {(TensorProto.Types.DataType)tensor.DataType}, not float");
        }
        if (!tensor.Dims.SequenceEqual(expectedShape))
        {
            throw Unexpected($"weight '{name}' has shape [{string.Join(",", tensor.Dims)}] where [{string.Join(",", expectedShape)}] was expected");
        }
        var count = expectedShape.Aggregate(1L, (a, b) => a * b);
        var values = tensor.FloatData.Count > 0 ? tensor.FloatData.ToArray() : RawFloats(tensor.RawData);
        if (values.LongLength != count)
        {
            throw Unexpected($"weight '{name}' holds {values.LongLength} values where its shape needs {count}");
        }
        used.Add(name);
        return values;
    }

    public InvalidDataException Unexpected(string problem) =>
        new($"ONNX model '{Path}' does not have the expected layout: {problem}.");

    public static string Describe(NodeProto node) => $"{node.OpType} '{node.Name}'";

    private static float[] RawFloats(ByteString raw)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw data is little-endian; this machine is not.");
        }
        var values = new float[raw.Length / sizeof(float)];
        raw.Span[..(values.Length * sizeof(float))].CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
