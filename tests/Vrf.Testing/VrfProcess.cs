using System.Diagnostics;

namespace Vrf.Testing;

/// <summary>Runs the built <c>vrf</c> tool (copied next to the tests by their reference to the CLI project) as a child
/// process, the way a user does, and collects what it printed.</summary>
public static class VrfProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Task<Outcome> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs vrf with extra environment variables.</summary>
    public static Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync(environment, Timeout, arguments);

    /// <summary>vrf, built beside the tests, with these arguments, run from the repository root with plain output and
    /// both streams redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vrf.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    /// <summary>Runs vrf with extra environment variables, for at most <paramref name="timeout"/>.</summary>
    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = StartInfo(arguments);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"vrf {string.Join(' ', arguments)} ran longer than {timeout}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }
}
