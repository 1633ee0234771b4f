using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Serving.Failures;
using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// <c>vrf bench index</c>: for each |V|, random unit vectors stored as a failure set; the embedded failure index loads
/// and answers K-th-distance look-ups at every batch size and K, then (with it freed) faiss <c>IndexFlatL2</c> does the
/// same on the same vectors and queries, and Qdrant too when <c>QDRANT_URL</c> is set. The tables come at the end; after
/// a Ctrl+C or SIGTERM, with the sizes finished before it (exit code 130).
/// </summary>
public sealed class IndexBenchCommand : Command<IndexBenchSettings>
{
    public override int Execute(CommandContext context, IndexBenchSettings settings, CancellationToken cancellationToken)
    {
        using var interruption = Interruption.Watch(cancellationToken);
        cancellationToken = interruption.Token;
        var output = new IndexBenchTable(AnsiConsole.Console);
        set_num_threads(settings.ThreadCount);
        var (peer, unavailable) = settings.NoPeer ? (null, null) : FaissPeer.Locate(output.Note, cancellationToken);
        if (unavailable is not null)
        {
            output.Note($"Continuing without the faiss peer: {unavailable}");
        }
        var qdrantUrl = Environment.GetEnvironmentVariable(QdrantIndexOptions.UrlEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(qdrantUrl))
        {
            output.Note($"Qdrant skipped: {QdrantIndexOptions.UrlEnvironmentVariable} is not set (it names a Qdrant server's gRPC endpoint).");
            qdrantUrl = null;
        }
        var machine = BenchMachine.Describe(get_num_threads(), peer is null ? null : $"faiss {peer.Version}");
        var run = new IndexBenchRun(settings, peer, qdrantUrl);
        var stopped = false;
        try
        {
            new BenchProgressBar(AnsiConsole.Console).Run("Failure index", run.Steps, done => run.Measure(done, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stopped = true;
        }
        var report = new IndexBenchReport(machine, run.Rows, run.ServiceRows, qdrantUrl is null ? null : run.QdrantRows);
        output.Write(report, run.FaissBuildMilliseconds);
        foreach (var note in run.Notes)
        {
            output.Note(note);
        }
        if (settings.Json is { } json)
        {
            BenchReportFile.Write(report, json);
        }
        if (stopped)
        {
            output.Note("Stopped by Ctrl+C or SIGTERM: the tables hold the sizes finished before.");
            return CliErrors.Interrupted;
        }
        return 0;
    }
}
