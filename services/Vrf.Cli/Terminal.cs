using Spectre.Console;

namespace Vrf.Cli;

/// <summary>The CLI's output streams: results on standard output, warnings and errors on standard error.</summary>
internal static class Terminal
{
    public static IAnsiConsole Out => AnsiConsole.Console;

    /// <summary>Standard error, never wrapped: each warning or error stays one line for the scripts that read it.</summary>
    public static IAnsiConsole Error { get; } = CreateError();

    /// <summary>One yellow line on standard error.</summary>
    public static void Warn(string message) => Error.MarkupLine($"[yellow]warning: {Markup.Escape(message)}[/]");

    private static IAnsiConsole CreateError()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Profile.Width = UnwrappedWidth;
        return console;
    }

    private const int UnwrappedWidth = 100_000;
}
