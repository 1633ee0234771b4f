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
        var evaluation = await EvaluationReport.RunAsync(terminal, serving.GetRequiredService<ModelEvaluator>(), request, cancellationToken);
        if (settings.Json is { } path)
        {
            OutputFile.Write(path, output => EvalJson.Write(evaluation, output));
            terminal.Out.MarkupLine($"Wrote the table to {Markup.Escape(path)}.");
        }
        return 0;
    }
}
