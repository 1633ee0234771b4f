using System.Globalization;
using System.Text.Json;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// The faiss side of <c>vrf bench index</c>: <c>benchmarks/index_peer.py</c> (faiss <c>IndexFlatL2</c>) run by
/// Debian's <c>/usr/bin/python3</c> as a child process on each workload's files, after the embedded index has been
/// measured and freed, so the two never share the cores or the memory. When faiss is missing, Debian's
/// <c>python3-faiss</c> and <c>libopenblas0-pthread</c> are installed (<c>scripts/install-prerequisites.sh faiss</c>).
/// </summary>
public sealed class FaissPeer
{
    private const int ErrorLinesShown = 5;

    private readonly string _script;

    private FaissPeer(string script, string version)
    {
        _script = script;
        Version = version;
    }

    public string Version { get; }

    private static readonly PythonPeerLibrary Library = new("faiss", "benchmarks/index_peer.py",
        "import faiss, numpy; print(faiss.__version__)", "faiss", "python3-faiss and libopenblas0-pthread");

    /// <summary>Finds the script and a Python that imports faiss, installing faiss once when it is missing.</summary>
    /// <param name="note">Told what is being installed.</param>
    /// <returns>The peer, or why there is none.</returns>
    public static (FaissPeer? Peer, string? Unavailable) Locate(Action<string> note, CancellationToken cancellationToken) =>
        Library.Locate(note, out var unavailable, cancellationToken) is (var script, var version)
            ? (new FaissPeer(script, version), null)
            : (null, unavailable);

    /// <summary>Runs the peer on <paramref name="workload"/>; throws <see cref="InvalidOperationException"/> when it fails.</summary>
    /// <param name="measured">Told each line the peer reports as it finishes a measurement.</param>
    public FaissFigures Measure(IndexWorkload workload, IReadOnlyList<int> batches, IReadOnlyList<int> ks, int threads, double seconds,
        Action<string> measured, CancellationToken cancellationToken)
    {
        var run = PythonProcess.Start([
            _script,
            "--vectors", workload.FailureSetPath,
            "--queries", workload.QueriesPath,
            "--batches", string.Join(',', batches),
            "--ks", string.Join(',', ks),
            "--threads", threads.ToString(CultureInfo.InvariantCulture),
            "--seconds", seconds.ToString(CultureInfo.InvariantCulture),
            "--min-runs", Throughput.MinimumRuns.ToString(CultureInfo.InvariantCulture),
        ], threads, line => measured($"|V| = {workload.Size:N0}, {line}: faiss"), cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the faiss peer exited with {run.ExitCode}: {run.LastErrorLines(ErrorLinesShown)}");
        }
        try
        {
            return JsonSerializer.Deserialize<FaissFigures>(run.LastOutputLine ?? "")
                ?? throw new InvalidOperationException("the faiss peer printed null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the faiss peer printed '{run.LastOutputLine}', not its JSON figures: {e.Message}", e);
        }
    }
}
