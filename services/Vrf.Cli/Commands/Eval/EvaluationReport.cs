using Spectre.Console;
using Vrf.Serving.Evaluation;

namespace Vrf.Cli.Commands.Eval;

/// <summary>
/// Runs an evaluation under a bar per stage, then prints a line per split (its images, the classes it is scored over,
/// whether its outputs came from the cache), the warnings, and the table (<see cref="EvalTable"/>).
/// </summary>
internal static class EvaluationReport
{
    public static async Task<ModelEvaluation> RunAsync(Terminal terminal, ModelEvaluator evaluator, ModelEvaluationRequest request,
        CancellationToken cancellationToken)
    {
        var evaluation = await terminal.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(progress => evaluator.EvaluateAsync(request, new EvaluationBars(progress), cancellationToken));

        foreach (var split in evaluation.Splits)
        {
            terminal.Out.MarkupLine(Markup.Escape(
                $"{split.Name}: {split.Images} images of {split.Folder}{(split.Skipped > 0 ? $" ({split.Skipped} could not be decoded)" : "")}, " +
                (split.Classes < evaluation.ClassCount ? $"scored over its {split.Classes} of the {evaluation.ClassCount} classes (the others masked), " : "") +
                (split.Cached ? "outputs from the cache" : "outputs computed and cached")));
        }
        foreach (var split in evaluation.Splits.Where(split => split.Skipped > 0))
        {
            terminal.Warn($"{split.Skipped} image(s) of {split.Name} could not be decoded and were left out.");
        }
        if (evaluation.WeightSpace is { ChosenOnValidation: false } choice)
        {
            terminal.Warn($"{evaluation.Model} has no validation images: the weight-space ensemble uses α = {choice.Alpha}, not chosen on data.");
        }
        if (evaluation.MonitorNotTried is { } reason)
        {
            terminal.Out.MarkupLine(Markup.Escape($"The drift monitor was not tried on these splits: {reason}"));
        }
        EvalTable.Render(terminal.Out, evaluation);
        return evaluation;
    }
}
