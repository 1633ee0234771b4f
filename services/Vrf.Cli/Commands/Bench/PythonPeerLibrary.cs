using System.Diagnostics;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// The Python library a benchmark's peer needs (faiss for <c>vrf bench index</c>, PyTorch for <c>vrf bench clip</c>), and
/// how both benchmarks find the peer: its script in the repository and Debian's <c>/usr/bin/python3</c> importing the
/// library, installed once from Debian's packages (<c>scripts/install-prerequisites.sh TARGET</c>) when it is missing.
/// </summary>
/// <param name="Name">What the library is called in messages.</param>
/// <param name="ScriptPath">The peer script, relative to the repository.</param>
/// <param name="VersionProbe">Python that imports what the script needs and prints the library's version.</param>
/// <param name="InstallTarget">The argument of <c>scripts/install-prerequisites.sh</c> that installs it.</param>
/// <param name="Packages">The Debian packages that target installs, for messages.</param>
public sealed record PythonPeerLibrary(string Name, string ScriptPath, string VersionProbe, string InstallTarget, string Packages)
{
    public const string InstallScriptPath = "scripts/install-prerequisites.sh";

    /// <summary>Finds the script and a Python that imports the library, installing the library once when it is missing.</summary>
    /// <param name="note">Told what is being installed.</param>
    /// <returns>The script's path and the library's version, or why there is no peer.</returns>
    public (string Script, string Version)? Locate(Action<string> note, out string? unavailable, CancellationToken cancellationToken)
    {
        unavailable = null;
        var script = RepositoryFiles.Find(ScriptPath);
        if (script is null)
        {
            unavailable = $"{ScriptPath} was not found above {Directory.GetCurrentDirectory()}; run from the repository.";
            return null;
        }
        if (Probe() is { ExitCode: 0 } ready)
        {
            return (script, ready.Output.Trim());
        }
        var installer = RepositoryFiles.Find(InstallScriptPath);
        if (installer is null)
        {
            unavailable = $"{Name} is missing and {InstallScriptPath} was not found; install Debian's {Packages}.";
            return null;
        }
        note($"{Name} is missing: installing Debian's {Packages} (the peer of this benchmark)...");
        unavailable = Install(installer, cancellationToken);
        if (unavailable is not null)
        {
            return null;
        }
        var probe = Probe();
        if (probe.ExitCode == 0)
        {
            return (script, probe.Output.Trim());
        }
        unavailable = $"{PythonProcess.Python} still cannot import {Name}: {probe.LastErrorLines(1)}";
        return null;
    }

    private PythonProcess.Run Probe() =>
        File.Exists(PythonProcess.Python)
            ? PythonProcess.Start(["-c", VersionProbe])
            : new PythonProcess.Run(-1, "", $"{PythonProcess.Python} is missing");

    /// <returns>Null when the installer succeeded, otherwise what went wrong.</returns>
    private string? Install(string installer, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [installer, InstallTarget]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"could not start {installer}");
        using (cancellationToken.Register(() => process.Kill(entireProcessTree: true)))
        {
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode == 0 ? null : $"{installer} {InstallTarget} exited with {process.ExitCode} (it needs root or sudo and the Debian mirror)";
    }
}
