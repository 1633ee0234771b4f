namespace Vrf.Tensors;

/// <summary>One tensor's entry in a safetensors header.</summary>
/// <param name="Name">The tensor's name, e.g. <c>vision_model.post_layernorm.weight</c>.</param>
/// <param name="DType">Its element type.</param>
/// <param name="Shape">Its shape (empty for a 0-dimensional tensor).</param>
/// <param name="Begin">Start of its bytes, relative to the end of the header.</param>
/// <param name="End">End (exclusive) of its bytes, relative to the end of the header.</param>
public sealed record SafeTensorInfo(string Name, SafeTensorDType DType, long[] Shape, long Begin, long End)
{
    public long ElementCount => Shape.Aggregate(1L, (count, dim) => count * dim);

    public long ByteLength => End - Begin;

    public string ShapeText => ShapeFormat.Of(Shape);
}
