using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Method.Evaluation;

namespace Vrf.Cli.Commands;

/// <summary>
/// <c>vrf eval-cached</c>: runs the paper's evaluation on cached model outputs and prints the accuracy table, or
/// writes every result as JSON with <c>--out</c>. Warnings (empty failure set, clamped K) go to standard error.
/// </summary>
public sealed class EvalCachedCommand(Terminal terminal) : Command<EvalCachedSettings>
{
    public override int Execute(CommandContext context, EvalCachedSettings settings, CancellationToken cancellationToken)
    {
        var result = CachedEvaluation.Run(CachedInputsReader.ReadFile(settings.Inputs!));
        foreach (var warning in result.Warnings)
        {
            terminal.Warn(warning);
        }
        if (settings.Out is { } path)
        {
            OutputFile.Write(path, output => CachedEvaluationJson.Write(result, output));
            terminal.Out.MarkupLine($"Wrote the results of {Markup.Escape(result.Case)} to {Markup.Escape(path)}.");
        }
        else
        {
            EvaluationTable.Render(terminal.Out, result);
        }
        return 0;
    }
}
