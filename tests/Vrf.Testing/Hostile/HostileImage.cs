namespace Vrf.Testing.Hostile;

/// <summary>One case of the hostile-image corpus: a file, its name, and what it must give.</summary>
/// <param name="Name">Unique in the corpus: family/format/detail.</param>
/// <param name="Reasons">For <see cref="HostileImageOutcome.Refused"/> and <see cref="HostileImageOutcome.Either"/>: the
/// phrases one of which the reason must contain.</param>
public sealed class HostileImage(string name, string fileName, HostileImageOutcome expected, IReadOnlyList<string> reasons, Func<byte[]> bytes)
{
    private readonly Lazy<byte[]> _bytes = new(bytes);

    public string Name { get; } = name;

    public string FileName { get; } = fileName;

    public HostileImageOutcome Expected { get; } = expected;

    public IReadOnlyList<string> Reasons { get; } = reasons;

    /// <summary>The file's bytes, made on first use.</summary>
    public byte[] Bytes => _bytes.Value;

    public override string ToString() => Name;
}
