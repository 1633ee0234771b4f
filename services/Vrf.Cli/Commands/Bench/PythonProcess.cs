using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Runs a peer script under Debian's <c>/usr/bin/python3</c> (the interpreter <c>python3-torch</c> and
/// <c>python3-faiss</c> install into) as a child process, and kills it when the run is cancelled.
/// </summary>
public static class PythonProcess
{
    public const string Python = "/usr/bin/python3";

    /// <summary>What the interpreter printed and how it exited.</summary>
    public sealed record Run(int ExitCode, string Output, string Errors)
    {
        /// <summary>The last <paramref name="count"/> non-empty lines of standard error, on one line.</summary>
        public string LastErrorLines(int count) =>
            string.Join(" | ", Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));

        /// <summary>The last non-empty line of standard output (where the peers print their JSON figures).</summary>
        public string? LastOutputLine =>
            Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
    }

    /// <param name="arguments">The interpreter's arguments.</param>
    /// <param name="threads">
    /// When given, also the OpenMP and OpenBLAS thread counts: Debian's PyTorch and faiss hand matrix products to
    /// OpenBLAS, whose own threads <c>torch.set_num_threads</c> does not limit.
    /// </param>
    /// <param name="errorLine">Called with each line the script writes to standard error, as it writes it.</param>
    public static Run Start(IEnumerable<string> arguments, int? threads = null, Action<string>? errorLine = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (threads is { } count)
        {
            start.Environment["OMP_NUM_THREADS"] = count.ToString(CultureInfo.InvariantCulture);
            start.Environment["OPENBLAS_NUM_THREADS"] = count.ToString(CultureInfo.InvariantCulture);
        }
        var output = new StringBuilder();
        var errors = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            errors.AppendLine(e.Data);
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                errorLine?.Invoke(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellationToken.Register(() => process.Kill(entireProcessTree: true)))
        {
            process.WaitForExit();
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new Run(process.ExitCode, output.ToString(), errors.ToString());
    }
}
