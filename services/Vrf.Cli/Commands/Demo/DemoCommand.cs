using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Eval;
using Vrf.Cli.Commands.Models;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Demo;

/// <summary>
/// <c>vrf demo</c>: the whole loop on real data, into the model store under the name <c>digits</c>. It prepares MNIST
/// and its shifted splits, registers the ImageNet ResNet-18 as a zero-shot digits model (head from rendered glyphs),
/// publishes a <c>RetrainModel</c> and follows the job until the failure-index service has indexed and promoted the
/// fine-tuned version, classifies a stream of ID and shifted images through the services, and prints the evaluation
/// table with its diagnostics; each phase with progress bars and its wall time. The services run in this process
/// unless <c>--bus</c> or <c>VRF_BUS</c> names a broker. A second run reuses the data and the model and says so.
/// </summary>
public sealed class DemoCommand(Terminal terminal) : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var profile = settings.Profile;
        var folders = DemoFolders.For(settings.Data, profile);
        var store = new ModelStore(new ModelStoreOptions { Root = settings.Store }.ResolveRoot());
        terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"VRF demo ({profile.Name}): model '{DemoProfile.ModelName}' in {store.Root}, data in {folders.Root}, services {settings.ServicesLocation}.")));
        var phases = new DemoPhases(terminal);

        var data = await phases.RunAsync("1. Data: MNIST and shifted test splits",
            () => DemoData.PrepareAsync(terminal, profile, folders, settings.Fresh, cancellationToken));
        var zeroShot = await phases.RunAsync("2. The zero-shot model",
            () => DemoModels.ZeroShotAsync(terminal, settings, profile, folders, cancellationToken));
        var fineTuned = await phases.RunAsync("3. Fine-tuning (RetrainModel), indexing and promotion",
            () => DemoModels.FineTunedAsync(terminal, settings, profile, folders, zeroShot, cancellationToken));
        var failed = await phases.RunAsync("4. A stream of ID and shifted images through the services",
            () => DemoStream.RunAsync(terminal, settings, data, profile, fineTuned, cancellationToken));
        var evaluation = await phases.RunAsync("5. Evaluation", async () =>
        {
            await using var serving = ServingServices.Create(settings.Store, settings.Device);
            var request = new ModelEvaluationRequest(new ModelReference(fineTuned.Id.Name, fineTuned.Id.Version), folders.Test,
                [.. data.Shifted.Select(split => new EvaluationSplit(split.Name, split.Folder))], EvaluationMethods.All);
            return await EvaluationReport.RunAsync(terminal, serving.GetRequiredService<ModelEvaluator>(), request, cancellationToken);
        });

        terminal.Out.Write(new Rule("[bold]Summary[/]").LeftJustified());
        phases.Render();
        DemoReading.Explain(terminal, evaluation);
        if (settings.Json is { } path)
        {
            OutputFile.Write(path, output => EvalJson.Write(evaluation, output, json => DemoJson.Write(json, profile, phases)));
            terminal.Out.MarkupLine($"Wrote the table to {Markup.Escape(path)}.");
        }
        return failed == 0 ? 0 : CliErrors.SomeInputsFailed;
    }
}
