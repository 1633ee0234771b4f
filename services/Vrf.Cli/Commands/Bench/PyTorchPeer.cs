using System.Globalization;
using System.Text.Json;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// The PyTorch side of the benchmark: <c>benchmarks/clip_peer.py</c> run by Debian's <c>/usr/bin/python3</c> (the
/// interpreter <c>python3-torch</c> installs into) as a child process, one model folder at a time, after TorchSharp
/// has finished with it, so the two never share the cores. When PyTorch is missing, Debian's <c>python3-torch</c> and
/// <c>libopenblas0-pthread</c> are installed (<c>scripts/install-prerequisites.sh pytorch</c>).
/// </summary>
public sealed class PyTorchPeer
{
    private const int ErrorLinesShown = 5;

    private static readonly PythonPeerLibrary Library = new("PyTorch", "benchmarks/clip_peer.py",
        "import numpy, torch; print(torch.__version__)", "pytorch", "python3-torch and libopenblas0-pthread");

    private readonly string script;

    private PyTorchPeer(string script, string torchVersion)
    {
        this.script = script;
        TorchVersion = torchVersion;
    }

    public string TorchVersion { get; }

    /// <summary>Finds the script and a Python that imports torch, installing PyTorch once when it is missing.</summary>
    /// <param name="note">Told what is being installed.</param>
    /// <returns>The peer, or why there is none.</returns>
    public static (PyTorchPeer? Peer, string? Unavailable) Locate(Action<string> note, CancellationToken cancellationToken) =>
        Library.Locate(note, out var unavailable, cancellationToken) is (var script, var version)
            ? (new PyTorchPeer(script, version), null)
            : (null, unavailable);

    /// <summary>Runs the peer on <paramref name="modelDirectory"/>; throws <see cref="InvalidOperationException"/> when it fails.</summary>
    public PeerMeasurement Measure(string modelDirectory, IReadOnlyList<int> imageBatches, int textBatch, int threads,
        double minimumSeconds, int matmulSize)
    {
        var run = PythonProcess.Start([
            script,
            "--model", modelDirectory,
            "--batches", string.Join(',', imageBatches),
            "--text-batch", textBatch.ToString(CultureInfo.InvariantCulture),
            "--threads", threads.ToString(CultureInfo.InvariantCulture),
            "--seconds", minimumSeconds.ToString(CultureInfo.InvariantCulture),
            "--min-runs", Throughput.MinimumRuns.ToString(CultureInfo.InvariantCulture),
            "--matmul-size", matmulSize.ToString(CultureInfo.InvariantCulture),
        ], threads);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the PyTorch peer exited with {run.ExitCode}: {run.LastErrorLines(ErrorLinesShown)}");
        }
        var line = run.LastOutputLine;
        try
        {
            return JsonSerializer.Deserialize<PeerMeasurement>(line ?? "")
                ?? throw new InvalidOperationException("the PyTorch peer printed null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the PyTorch peer printed '{line}', not its JSON figures: {e.Message}", e);
        }
    }
}
