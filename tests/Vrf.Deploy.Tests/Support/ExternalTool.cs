using System.Diagnostics;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Support;

/// <summary>A command-line tool the deployment files are checked with (docker-compose, kubectl, dotnet), run from the
/// repository root.</summary>
public static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>Whether <paramref name="name"/> is an executable on the PATH.</summary>
    public static bool IsInstalled(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));

    /// <summary>Runs the tool (an environment value of null removes that variable); a non-zero exit fails with what it
    /// printed.</summary>
    public static async Task<string> RunAsync(string tool, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var outcome = await TryRunAsync(tool, environment, arguments);
        return outcome.ExitCode == 0
            ? outcome.Output
            : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({outcome.ExitCode}):\n{outcome.Error}{outcome.Output}");
    }

    public static async Task<Outcome> TryRunAsync(string tool, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }
}
