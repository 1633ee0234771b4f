using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Cli.Commands.Jobs;
using Vrf.Cli.Commands.Models;
using Vrf.Client;
using Vrf.Imaging;
using Vrf.Method;
using Vrf.Method.Evaluation;
using Vrf.Serving;

namespace Vrf.Cli;

/// <summary>
/// How every vrf command fails. A user error (a bad command line, unusable input, data the method cannot work with,
/// a file that cannot be read or written, settings a service refuses at start-up) prints one red line <c>error: …</c> on standard error, with no stack
/// trace, and exits with <see cref="UserError"/>. Anything else is a bug: it prints the exception with its stack
/// trace and exits with <see cref="InternalError"/>.
/// </summary>
internal static class CliErrors
{
    public const int InternalError = 1;
    public const int UserError = 2;

    /// <summary>Some of the inputs of a batch command (images to classify) failed; the others succeeded.</summary>
    public const int SomeInputsFailed = 3;

    /// <summary>Stopped by Ctrl+C or SIGTERM before it finished (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    public static int Report(Exception exception, Terminal terminal)
    {
        if (exception is OperationCanceledException)
        {
            // Ctrl+C or SIGTERM reached a command where it had nothing to print first (waiting for the bus, say).
            terminal.Error.MarkupLine("[yellow]interrupted[/]");
            return Interrupted;
        }
        if (IsUserError(exception))
        {
            terminal.Error.MarkupLine($"[red]error: {Markup.Escape(ReasonText.OneLine(exception.Message))}[/]");
            return UserError;
        }
        terminal.Error.MarkupLine("[red]error: unexpected failure; please report it with the details below[/]");
        terminal.Error.WriteException(exception);
        return InternalError;
    }

    private static bool IsUserError(Exception exception) =>
        exception is CommandAppException or CachedInputsException or CalibrationFailedException
            or ModelServingException or IOException or UnauthorizedAccessException or InvalidDataException or ImageDecodeException
            or BusUnreachableException or ModelIndexingFailedException or TimeoutException or JobEndedException or JobNotFoundException
            or OptionsValidationException or ModelDriftRefusedException or MonitorUnavailableException;
}
