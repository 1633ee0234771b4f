using System.Diagnostics;
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
    public const string ScriptPath = "benchmarks/index_peer.py";
    public const string InstallScriptPath = "scripts/install-prerequisites.sh";
    private const int ErrorLinesShown = 5;

    private readonly string _script;

    private FaissPeer(string script, string version)
    {
        _script = script;
        Version = version;
    }

    public string Version { get; }

    /// <summary>Finds the script and a Python that imports faiss, installing faiss once when it is missing.</summary>
    /// <param name="note">Told what is being installed.</param>
    /// <returns>The peer, or why there is none.</returns>
    public static (FaissPeer? Peer, string? Unavailable) Locate(Action<string> note, CancellationToken cancellationToken)
    {
        var script = RepositoryFiles.Find(ScriptPath);
        if (script is null)
        {
            return (null, $"{ScriptPath} was not found above {Directory.GetCurrentDirectory()}; run from the repository.");
        }
        if (Probe() is { ExitCode: 0 } ready)
        {
            return (new FaissPeer(script, ready.Output.Trim()), null);
        }
        var installer = RepositoryFiles.Find(InstallScriptPath);
        if (installer is null)
        {
            return (null, $"faiss is missing and {InstallScriptPath} was not found; install Debian's python3-faiss and libopenblas0-pthread.");
        }
        note("faiss is missing: installing Debian's python3-faiss and libopenblas0-pthread (the peer of this benchmark)...");
        var install = Install(installer, cancellationToken);
        if (install is not null)
        {
            return (null, install);
        }
        var probe = Probe();
        return probe.ExitCode == 0
            ? (new FaissPeer(script, probe.Output.Trim()), null)
            : (null, $"{PythonProcess.Python} still cannot import faiss: {probe.LastErrorLines(1)}");
    }

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

    private static PythonProcess.Run Probe() =>
        File.Exists(PythonProcess.Python)
            ? PythonProcess.Start(["-c", "import faiss, numpy; print(faiss.__version__)"])
            : new PythonProcess.Run(-1, "", $"{PythonProcess.Python} is missing");

    /// <returns>Null when the installer succeeded, otherwise what went wrong.</returns>
    private static string? Install(string installer, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [installer, "faiss"]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"could not start {installer}");
        using (cancellationToken.Register(() => process.Kill(entireProcessTree: true)))
        {
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode == 0 ? null : $"{installer} faiss exited with {process.ExitCode} (it needs root or sudo and the Debian mirror)";
    }
}
