using System.Security.Cryptography;
using System.Text;
using Vrf.Serving.Store;

namespace Vrf.Serving.Failures;

/// <summary>Names in Qdrant: the collection of a model version and the deterministic id of each failure point.</summary>
public static class QdrantPoints
{
    public const string SampleIdKey = "sample_id";
    public const string LabelKey = "label";

    /// <summary>The fixed namespace of the name-based (RFC 9562 version 5) point ids.</summary>
    private static readonly Guid Namespace = new("0f2b9c4e-5a1d-4c3b-9e8f-7d6a5b4c3e2f");

    public static string CollectionName(string prefix, ModelVersionId model) => $"{prefix}-{model.Name}-v{model.Version}";

    /// <summary>
    /// A UUID derived from the model, version and sample id alone, so that storing the same failure twice (a redelivered
    /// message, a retried build) overwrites the same point instead of adding one.
    /// </summary>
    public static Guid PointId(ModelVersionId model, string sampleId)
    {
        var name = Encoding.UTF8.GetBytes($"{model.Name}\n{model.Version}\n{sampleId}");
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
