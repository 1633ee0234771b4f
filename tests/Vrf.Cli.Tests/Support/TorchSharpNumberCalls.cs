using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Vrf.Cli.Tests.Support;

/// <summary>
/// Reads an assembly's IL for the calls that hand TorchSharp a number it turns into a <c>Scalar</c> nobody holds: an
/// implicit conversion to <c>TorchSharp.Scalar</c>, or a <c>Tensor</c> operator (<c>t * 2.0</c>, <c>2 * t</c>) with
/// a number operand, which converts inside TorchSharp. Each is named as "Type::Method: callee".
/// </summary>
public static class TorchSharpNumberCalls
{
    private static readonly string[] NumberTypes = ["double", "float", "int", "long"];

    public static IReadOnlyList<string> In(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var unheld = UnheldNumberCallees(metadata);
        var found = new List<string>();
        if (unheld.Count == 0)
        {
            return found;
        }
        foreach (var type in metadata.TypeDefinitions.Select(metadata.GetTypeDefinition))
        {
            foreach (var method in type.GetMethods().Select(metadata.GetMethodDefinition).Where(m => m.RelativeVirtualAddress != 0))
            {
                foreach (var callee in Callees(pe.GetMethodBody(method.RelativeVirtualAddress)).Where(unheld.ContainsKey))
                {
                    found.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}::{metadata.GetString(method.Name)}: {unheld[callee]}");
                }
            }
        }
        return found;
    }

    /// <summary>The member references that make a Scalar of a number on the caller's behalf.</summary>
    private static Dictionary<EntityHandle, string> UnheldNumberCallees(MetadataReader metadata)
    {
        var callees = new Dictionary<EntityHandle, string>();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference || member.GetKind() != MemberReferenceKind.Method)
            {
                continue;
            }
            var owner = metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)member.Parent).Name);
            var name = metadata.GetString(member.Name);
            var parameters = member.DecodeMethodSignature(new TypeNames(metadata), null).ParameterTypes;
            var converts = (owner == "Scalar" && name == "op_Implicit")
                || (owner == "Tensor" && name.StartsWith("op_", StringComparison.Ordinal) && parameters.Any(NumberTypes.Contains));
            if (converts)
            {
                callees[handle] = $"{owner}.{name}({string.Join(", ", parameters)})";
            }
        }
        return callees;
    }

    private static IEnumerable<EntityHandle> Callees(MethodBodyBlock body)
    {
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var code = first == 0xFE ? (ILOpCode)(0xFE00 | il.ReadByte()) : (ILOpCode)first;
            if (code is ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj or ILOpCode.Ldftn or ILOpCode.Ldvirtftn)
            {
                yield return MetadataTokens.EntityHandle(il.ReadInt32());
            }
            else if (code == ILOpCode.Switch)
            {
                il.Offset += 4 * il.ReadInt32();
            }
            else
            {
                il.Offset += OperandSize(code);
            }
        }
    }

    private static int OperandSize(ILOpCode code) => code switch
    {
        ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s
            or ILOpCode.Ldc_i4_s or ILOpCode.Br_s or ILOpCode.Brfalse_s or ILOpCode.Brtrue_s or ILOpCode.Beq_s or ILOpCode.Bge_s
            or ILOpCode.Bgt_s or ILOpCode.Ble_s or ILOpCode.Blt_s or ILOpCode.Bne_un_s or ILOpCode.Bge_un_s or ILOpCode.Bgt_un_s
            or ILOpCode.Ble_un_s or ILOpCode.Blt_un_s or ILOpCode.Leave_s or ILOpCode.Unaligned => 1,
        ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => 2,
        ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => 8,
        ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 or ILOpCode.Br or ILOpCode.Brfalse or ILOpCode.Brtrue or ILOpCode.Beq or ILOpCode.Bge
            or ILOpCode.Bgt or ILOpCode.Ble or ILOpCode.Blt or ILOpCode.Bne_un or ILOpCode.Bge_un or ILOpCode.Bgt_un
            or ILOpCode.Ble_un or ILOpCode.Blt_un or ILOpCode.Leave or ILOpCode.Jmp or ILOpCode.Calli or ILOpCode.Ldfld
            or ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld or ILOpCode.Ldstr
            or ILOpCode.Ldtoken or ILOpCode.Box or ILOpCode.Unbox or ILOpCode.Unbox_any or ILOpCode.Castclass or ILOpCode.Isinst
            or ILOpCode.Newarr or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem or ILOpCode.Ldobj or ILOpCode.Stobj
            or ILOpCode.Cpobj or ILOpCode.Initobj or ILOpCode.Sizeof or ILOpCode.Mkrefany or ILOpCode.Refanyval
            or ILOpCode.Constrained => 4,
        _ => 0,
    };

    /// <summary>Parameter types by name, numbers in C#'s words.</summary>
    private sealed class TypeNames(MetadataReader metadata) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Double => "double",
            PrimitiveTypeCode.Single => "float",
            PrimitiveTypeCode.Int32 => "int",
            PrimitiveTypeCode.Int64 => "long",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            metadata.GetString(metadata.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            metadata.GetString(metadata.GetTypeReference(handle).Name);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            "type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;

        public string GetGenericMethodParameter(object? genericContext, int index) => "T";

        public string GetGenericTypeParameter(object? genericContext, int index) => "T";

        public string GetFunctionPointerType(MethodSignature<string> signature) => "delegate*";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType;
    }
}
