using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>All figures of one <c>vrf bench index</c> run, as <c>--json</c> writes them.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Index">The embedded index beside faiss, one row per |V|, batch and K.</param>
/// <param name="Service">The failure-index service's batched look-ups, one row per |V| and K.</param>
/// <param name="Qdrant">Qdrant's rows, only when <c>QDRANT_URL</c> was set.</param>
public sealed record IndexBenchReport(
    [property: JsonPropertyName("machine")] BenchMachine Machine,
    [property: JsonPropertyName("index")] IReadOnlyList<IndexBenchRow> Index,
    [property: JsonPropertyName("service")] IReadOnlyList<ServiceLookupRow> Service,
    [property: JsonPropertyName("qdrant"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<QdrantBenchRow>? Qdrant);
