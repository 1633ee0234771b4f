using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Models;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Eval;

/// <summary>
/// <c>vrf eval</c>: the paper's table from images. Runs a ready version over the ID and OOD splits (a bar per split and
/// per α of the weight-space search; outputs cached under the store, so a second run does not run the encoders), then
/// prints every method's accuracy per split and the OOD mean, and what the methods were run with.
/// </summary>
public sealed class EvalCommand(Terminal terminal) : AsyncCommand<EvalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        var request = new ModelEvaluationRequest(ModelReference.Parse(settings.Model!), settings.Id, settings.OutOfDistribution(),
            settings.MethodList(), settings.BatchSize);
        await using var serving = ServingServices.Create(settings.Store, settings.Device);
        var evaluator = serving.GetRequiredService<ModelEvaluator>();
        var evaluation = await terminal.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(progress => evaluator.EvaluateAsync(request, new StageBars(progress), cancellationToken));

        foreach (var split in evaluation.Splits)
        {
            terminal.Out.MarkupLine(Markup.Escape(
                $"{split.Name}: {split.Images} images of {split.Folder}{(split.Skipped > 0 ? $" ({split.Skipped} could not be decoded)" : "")}, " +
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
        EvalTable.Render(terminal.Out, evaluation);
        if (settings.Json is { } path)
        {
            OutputFile.Write(path, output => EvalJson.Write(evaluation, output));
            terminal.Out.MarkupLine($"Wrote the table to {Markup.Escape(path)}.");
        }
        return 0;
    }

    /// <summary>One bar per stage (a split's encoders, the weight-space model at one α), created when the stage starts.</summary>
    private sealed class StageBars(ProgressContext context) : IProgress<EvaluationProgress>
    {
        private readonly Dictionary<string, ProgressTask> _bars = [];

        public void Report(EvaluationProgress value)
        {
            if (!_bars.TryGetValue(value.Stage, out var bar))
            {
                bar = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(1, value.Total));
                _bars[value.Stage] = bar;
            }
            bar.Value = value.Completed;
        }
    }
}
