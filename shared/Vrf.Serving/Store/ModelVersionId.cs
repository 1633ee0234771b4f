using System.Globalization;

namespace Vrf.Serving.Store;

/// <summary>One version of a model in the store, written <c>name@version</c>.</summary>
public sealed record ModelVersionId
{
    public ModelVersionId(string name, int version)
    {
        ModelName.Validate(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    public string Name { get; }

    /// <summary>1, 2, 3… in the order the versions were created.</summary>
    public int Version { get; }

    public override string ToString() => $"{Name}@{Version.ToString(CultureInfo.InvariantCulture)}";
}
