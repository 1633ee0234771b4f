using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace Vrf.Cli.Tests.InProcess;

/// <summary>
/// Runs vrf commands in the test's own process, each on a <see cref="Terminal"/> of two test consoles, so what a command
/// writes to standard output and to standard error can be read apart, without a child process.
/// </summary>
public sealed class InProcessVrf : IDisposable
{
    private readonly TestConsole _output = new();
    private readonly TestConsole _error = new();
    private readonly CommandApp _app = new();

    /// <param name="commands">Adds the commands under test, as <c>Program.cs</c> adds them.</param>
    public InProcessVrf(Action<IConfigurator> commands)
    {
        _output.Profile.Width = int.MaxValue;
        _error.Profile.Width = int.MaxValue;
        _app.Configure(config =>
        {
            config.SetApplicationName("vrf");
            config.UseTerminal(new Terminal(_output, _error));
            config.UseStrictParsing();
            commands(config);
        });
    }

    /// <summary>What the command wrote to standard output.</summary>
    public string Output => _output.Output;

    /// <summary>What the command wrote to standard error, a line each.</summary>
    public IReadOnlyList<string> ErrorLines => _error.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <returns>The command's exit status.</returns>
    public Task<int> RunAsync(params string[] arguments) => _app.RunAsync(arguments, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }
}
