using Spectre.Console.Cli;

namespace Vrf.Cli;

/// <summary>Puts every command of a command app on one <see cref="Terminal"/>.</summary>
public static class TerminalConfiguration
{
    /// <summary>Registers <paramref name="terminal"/> for the commands to take, writes help and parse errors to its
    /// standard output, and reports what a command throws on its standard error (<see cref="CliErrors"/>).</summary>
    public static IConfigurator UseTerminal(this IConfigurator config, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.ConfigureConsole(terminal.Out);
        config.Settings.Registrar.RegisterInstance(terminal);
        config.SetExceptionHandler((exception, _) => CliErrors.Report(exception, terminal));
        return config;
    }
}
