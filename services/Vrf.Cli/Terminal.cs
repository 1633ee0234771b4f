using Spectre.Console;

namespace Vrf.Cli;

/// <summary>
/// The CLI's output streams: results on standard output, warnings and errors on standard error. Every command takes it
/// from the type registrar (<see cref="TerminalConfiguration.UseTerminal"/>), so a test can run a command in its own
/// process on consoles of its own.
/// </summary>
/// <param name="output">Where results go.</param>
/// <param name="error">Where warnings and errors go; never wrapped, so each stays one line for the scripts that read it.</param>
public sealed class Terminal(IAnsiConsole output, IAnsiConsole error)
{
    private const int UnwrappedWidth = 100_000;

    public IAnsiConsole Out => output;

    public IAnsiConsole Error => error;

    /// <summary>The process's own: the terminal's console, and standard error unwrapped.</summary>
    public static Terminal Standard()
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        error.Profile.Width = UnwrappedWidth;
        return new Terminal(AnsiConsole.Console, error);
    }

    /// <summary>One yellow line on standard error.</summary>
    public void Warn(string message) => Error.MarkupLine($"[yellow]warning: {Markup.Escape(message)}[/]");

    /// <summary>One line of plain text on standard output, neither wrapped nor styled: JSON, or a line a script reads.</summary>
    public void WriteLine(string text)
    {
        var writer = Out.Profile.Out.Writer;
        writer.WriteLine(text);
        writer.Flush();
    }
}
