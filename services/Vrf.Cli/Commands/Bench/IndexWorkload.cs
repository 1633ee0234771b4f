using Vrf.Tensors;
using Vrf.Method;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// One failure-set size to measure: |V| seeded random unit vectors stored as a version's
/// <c>failure-set.safetensors</c> in a temporary model store (where the embedded index loads it from and the faiss
/// peer reads it), and seeded random unit queries (also written for the peer). Deleted on dispose.
/// </summary>
public sealed class IndexWorkload : IDisposable
{
    public const string QueriesTensor = "queries";
    private const int SampleLabels = 1000;

    private readonly DirectoryInfo _folder;

    private IndexWorkload(DirectoryInfo folder, int size, int dimension, IReadOnlyList<float[]> queries)
    {
        _folder = folder;
        Size = size;
        Dimension = dimension;
        Queries = queries;
        Store = new ModelStore(Path.Combine(folder.FullName, "store"));
        Model = Store.CreateVersion("bench-index", (id, _) => BenchManifest(id, dimension, size)).Id;
    }

    /// <summary>What the store needs to know of the version whose set is measured: no encoders or heads (the index reads
    /// only the set), no recorded digests (so the set is read back unchecked, as for a bundle written before them).</summary>
    private static ModelManifest BenchManifest(ModelVersionId id, int dimension, int size) => new()
    {
        Name = id.Name,
        Version = id.Version,
        Status = ModelStatus.Indexing,
        CreatedAt = DateTimeOffset.UtcNow,
        ClassNames = [.. Enumerable.Range(0, SampleLabels).Select(label => $"{label}")],
        EmbeddingDim = dimension,
        Templates = [],
        Files = BundleFiles.Standard,
        Sources = new ModelSources("none", "none", null, "none", null),
        Datasets = new DatasetSources(new DatasetSource("random unit vectors", size), null),
        KSelection = KSelection.Of(KRule.Explicit, 1),
    };

    /// <summary>|V|.</summary>
    public int Size { get; }

    public int Dimension { get; }

    public ModelStore Store { get; }

    public ModelVersionId Model { get; }

    /// <summary>The queries, unit vectors; a batch of b is the first b of them.</summary>
    public IReadOnlyList<float[]> Queries { get; }

    public string FailureSetPath => Path.Combine(Store.VersionFolder(Model), BundleFiles.FailureSetFileName);

    public string QueriesPath => Path.Combine(_folder.FullName, "queries.safetensors");

    /// <summary>
    /// Writes the set (sample ids <c>train/000123.jpg</c>, a thousand labels) and <paramref name="queryCount"/> queries.
    /// </summary>
    public static IndexWorkload Create(int size, int dimension, int queryCount, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("vrf-bench-index-");
        try
        {
            var queries = RandomUnitRows(queryCount, dimension, seed + 1);
            var workload = new IndexWorkload(folder, size, dimension, [.. queries.Chunk(dimension)]);
            FailureSetFile.Write(workload.FailureSetPath, new FailureSet(
                dimension,
                RandomUnitRows(size, dimension, seed),
                [.. Enumerable.Range(0, size).Select(i => i % SampleLabels)],
                [.. Enumerable.Range(0, size).Select(i => $"train/{i:D6}.jpg")]));
            using (var scope = NewDisposeScope())
            {
                SafeTensorsWriter.Write(workload.QueriesPath,
                    new Dictionary<string, Tensor> { [QueriesTensor] = tensor(queries, [queryCount, dimension], ScalarType.Float32) });
            }
            return workload;
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Standard normal rows scaled to unit length, drawn by a seeded TorchSharp generator into their array.</summary>
    private static float[] RandomUnitRows(int rows, int dimension, int seed)
    {
        var values = GC.AllocateUninitializedArray<float>(checked(rows * dimension));
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var matrix = frombuffer(values, ScalarType.Float32).view(rows, dimension);
        matrix.normal_(generator: generator);
        matrix.div_(matrix.norm(1, keepdim: true));
        return values;
    }
}
