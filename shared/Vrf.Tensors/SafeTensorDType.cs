using static TorchSharp.torch;

namespace Vrf.Tensors;

/// <summary>An element type of the safetensors format, with its size and its TorchSharp counterpart.</summary>
public sealed record SafeTensorDType(string Name, int ElementSize, ScalarType ScalarType)
{
    public static readonly SafeTensorDType F64 = new("F64", 8, ScalarType.Float64);
    public static readonly SafeTensorDType F32 = new("F32", 4, ScalarType.Float32);
    public static readonly SafeTensorDType F16 = new("F16", 2, ScalarType.Float16);
    public static readonly SafeTensorDType BF16 = new("BF16", 2, ScalarType.BFloat16);
    public static readonly SafeTensorDType I64 = new("I64", 8, ScalarType.Int64);
    public static readonly SafeTensorDType I32 = new("I32", 4, ScalarType.Int32);
    public static readonly SafeTensorDType I16 = new("I16", 2, ScalarType.Int16);
    public static readonly SafeTensorDType I8 = new("I8", 1, ScalarType.Int8);
    public static readonly SafeTensorDType U8 = new("U8", 1, ScalarType.Byte);
    public static readonly SafeTensorDType Bool = new("BOOL", 1, ScalarType.Bool);

    public static IReadOnlyList<SafeTensorDType> All { get; } = [F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool];

    public static SafeTensorDType? FromName(string name) => All.FirstOrDefault(d => d.Name == name);

    public static SafeTensorDType For(ScalarType scalarType) =>
        All.FirstOrDefault(d => d.ScalarType == scalarType)
        ?? throw new NotSupportedException($"Tensors of type {scalarType} cannot be stored in safetensors here.");

    public override string ToString() => Name;
}
