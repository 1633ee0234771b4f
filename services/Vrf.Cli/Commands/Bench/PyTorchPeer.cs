using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// The PyTorch side of the benchmark: <c>benchmarks/clip_peer.py</c> run by Debian's <c>/usr/bin/python3</c> (the
/// interpreter <c>python3-torch</c> installs into) as a child process, one model folder at a time, after TorchSharp
/// has finished with it, so the two never share the cores.
/// </summary>
public sealed class PyTorchPeer
{
    public const string Python = PythonProcess.Python;
    public const string ScriptPath = "benchmarks/clip_peer.py";
    public const string InstallCommand = "sudo apt-get install python3-torch libopenblas0-pthread";
    private const int ErrorLinesShown = 5;

    private readonly string script;

    private PyTorchPeer(string script, string torchVersion)
    {
        this.script = script;
        TorchVersion = torchVersion;
    }

    public string TorchVersion { get; }

    /// <summary>Finds the script and checks that the interpreter imports torch; otherwise says why not and how to fix it.</summary>
    public static bool TryLocate([NotNullWhen(true)] out PyTorchPeer? peer, out string unavailable)
    {
        peer = null;
        var script = RepositoryFiles.Find(ScriptPath);
        if (script is null)
        {
            unavailable = $"{ScriptPath} was not found above {Directory.GetCurrentDirectory()}; run from the repository.";
            return false;
        }
        if (!File.Exists(Python))
        {
            unavailable = $"{Python} is missing; install the peer with: {InstallCommand}";
            return false;
        }
        var probe = PythonProcess.Start(["-c", "import numpy, torch; print(torch.__version__)"]);
        if (probe.ExitCode != 0)
        {
            unavailable = $"{Python} cannot import torch ({probe.LastErrorLines(1)}); install it with: {InstallCommand}";
            return false;
        }
        peer = new PyTorchPeer(script, probe.Output.Trim());
        unavailable = "";
        return true;
    }

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
