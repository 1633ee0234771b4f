using System.Text.Json;

namespace Vrf.Testing.Hostile;

/// <summary>The corpus manifest, <c>tests/Vrf.Testing/Hostile/hostile-images.json</c>: the families of cases, what
/// each must give, and the bounds every case must keep.</summary>
/// <param name="Seed">Seeds every random choice (noise, bit positions).</param>
/// <param name="MaxSecondsPerCase">A case still running after this long counts as a hang.</param>
/// <param name="MaxAllocatedBytesPerCase">The most managed memory decoding one case may allocate: far below what any
/// bomb of the corpus announces.</param>
/// <param name="ClearReasons">The reasons that count as clear for an <see cref="HostileImageOutcome.Either"/> case.</param>
public sealed record HostileImageManifest(
    int Seed,
    int MaxSecondsPerCase,
    long MaxAllocatedBytesPerCase,
    IReadOnlyList<string> ClearReasons,
    IReadOnlyList<HostileImageFamily> Families)
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "tests", "Vrf.Testing", "Hostile", "hostile-images.json");

    public static HostileImageManifest Load() =>
        JsonSerializer.Deserialize<HostileImageManifest>(File.ReadAllBytes(Path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{Path} is empty.");
}

/// <summary>A family of cases in the manifest; which parameters apply depends on the family.</summary>
public sealed record HostileImageFamily(
    string Family,
    string Expect,
    IReadOnlyList<string>? Formats = null,
    IReadOnlyList<string>? Reasons = null,
    IReadOnlyList<double>? Cuts = null,
    int Count = 0,
    int MaxFlips = 0,
    IReadOnlyList<byte>? Bytes = null,
    IReadOnlyList<string>? Documents = null,
    int Side = 0)
{
    public HostileImageOutcome Outcome => Enum.Parse<HostileImageOutcome>(Expect.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
}
