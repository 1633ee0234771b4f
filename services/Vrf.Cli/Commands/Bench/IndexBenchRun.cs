using Grpc.Core;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// The measurements of one <c>vrf bench index</c> run, size after size, each workload deleted before the next is made;
/// the rows gathered so far stay readable when the run is cancelled.
/// </summary>
public sealed class IndexBenchRun(IndexBenchSettings settings, FaissPeer? peer, string? qdrantUrl)
{
    private readonly List<IndexBenchRow> _rows = [];
    private readonly List<ServiceLookupRow> _serviceRows = [];
    private readonly List<QdrantBenchRow> _qdrantRows = [];
    private readonly Dictionary<int, double> _faissBuild = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<IndexBenchRow> Rows => _rows;

    public IReadOnlyList<ServiceLookupRow> ServiceRows => _serviceRows;

    public IReadOnlyList<QdrantBenchRow> QdrantRows => _qdrantRows;

    /// <summary>faiss's <c>add()</c> time by |V|.</summary>
    public IReadOnlyDictionary<int, double> FaissBuildMilliseconds => _faissBuild;

    /// <summary>What went wrong with a peer, one line each.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Progress steps: per size, the workload, the load, each (batch, K) on every side, and the service's
    /// look-ups at each K.</summary>
    public int Steps => settings.SizeList.Sum(size =>
        2 + Lookups * (1 + (peer is null ? 0 : 1)) + settings.KList.Count + (QdrantMeasures(size) ? 1 + 2 * Lookups : 0));

    private int Lookups => settings.BatchList.Count * settings.KList.Count;

    public void Measure(Action<string> done, CancellationToken cancellationToken)
    {
        var batches = settings.BatchList;
        var ks = settings.KList;
        foreach (var size in settings.SizeList)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var workload = IndexWorkload.Create(size, settings.Dimension, batches.Max(), settings.Seed);
            done($"|V| = {size:N0}: {size:N0} random unit vectors of {settings.Dimension} dimensions stored");
            var embedded = EmbeddedIndexFigures.Measure(workload, batches, ks, settings.Seconds, done, cancellationToken);
            _serviceRows.AddRange(ServiceLookupFigures.Measure(workload, ks, embedded.QueriesPerSecond, settings.Seconds, done, cancellationToken));
            var faiss = MeasurePeer(workload, done, cancellationToken);
            _rows.AddRange(IndexBenchRow.For(workload, embedded, faiss));
            if (QdrantMeasures(size))
            {
                MeasureQdrant(workload, done, cancellationToken);
            }
        }
    }

    private bool QdrantMeasures(int size) => qdrantUrl is not null && size <= settings.QdrantMaxSize;

    private void MeasureQdrant(IndexWorkload workload, Action<string> done, CancellationToken cancellationToken)
    {
        try
        {
            _qdrantRows.AddRange(QdrantIndexFigures.Measure(qdrantUrl!, workload, settings.BatchList, settings.KList, settings.Seconds, done, cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            _notes.Add($"|V| = {workload.Size:N0}: Qdrant at {qdrantUrl} failed ({e.StatusCode}: {e.Status.Detail}); no Qdrant rows for this size.");
        }
    }

    private FaissFigures? MeasurePeer(IndexWorkload workload, Action<string> done, CancellationToken cancellationToken)
    {
        if (peer is null)
        {
            return null;
        }
        try
        {
            var figures = peer.Measure(workload, settings.BatchList, settings.KList, settings.ThreadCount, settings.Seconds, done, cancellationToken);
            _faissBuild[workload.Size] = figures.BuildMilliseconds;
            if (figures.Threads != settings.ThreadCount)
            {
                _notes.Add($"faiss ran with {figures.Threads} threads, the embedded index with {settings.ThreadCount}.");
            }
            return figures;
        }
        catch (InvalidOperationException e)
        {
            _notes.Add($"|V| = {workload.Size:N0}: {e.Message}");
            return null;
        }
    }
}
