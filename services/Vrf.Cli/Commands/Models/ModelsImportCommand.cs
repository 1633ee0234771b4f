using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Models;

/// <summary>
/// <c>vrf models import</c>: creates the model's next version from two CLIP folders and builds its failure index in
/// this process, with a progress bar per phase, then prints what the version is served with.
/// </summary>
public sealed class ModelsImportCommand : AsyncCommand<ModelsImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ModelsImportSettings settings, CancellationToken cancellationToken)
    {
        await using var services = ServingServices.Create(settings.Store, settings.Device);
        var imported = services.GetRequiredService<ModelImporter>().Import(new ModelImportRequest(
            settings.Name!,
            settings.ZeroShot!,
            settings.FineTuned!,
            settings.Classes!,
            settings.Train!,
            settings.Validation,
            settings.Templates,
            settings.FineTunedHead,
            KSelection.Of(settings.Rule, settings.K)));
        Terminal.Out.MarkupLine($"Imported [bold]{Markup.Escape(imported.Id.ToString())}[/] into {Markup.Escape(imported.Folder)}; building its failure index.");

        var builder = services.GetRequiredService<FailureIndexBuilder>();
        var ready = await Terminal.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(progress => builder.BuildAsync(imported.Id, new PhaseBars(progress), cancellationToken));

        foreach (var warning in ready.Manifest.Warnings)
        {
            Terminal.Warn(warning);
        }
        var parameters = ready.Parameters;
        Terminal.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]{Markup.Escape(ready.Id.ToString())} is ready[/]: |V| = {parameters.FailureSetSize}, K = {parameters.K} ({parameters.KRule.ToString().ToLowerInvariant()} rule), " +
            $"a = {parameters.A:0.###}, b = {parameters.B:0.###}, T_zs = {parameters.ZeroShotTemperature:0.####}, T_ft = {parameters.FineTunedTemperature:0.####}, " +
            $"OSE α = {parameters.OseAlpha:0.###} ({parameters.TunedOn.ToString().ToLowerInvariant()})."));
        return 0;
    }

    /// <summary>One progress bar per indexing phase, created when the phase starts.</summary>
    private sealed class PhaseBars(ProgressContext context) : IProgress<IndexingProgress>
    {
        private readonly Dictionary<string, ProgressTask> _bars = [];

        public void Report(IndexingProgress value)
        {
            if (!_bars.TryGetValue(value.Phase, out var bar))
            {
                bar = context.AddTask(value.Phase, maxValue: Math.Max(1, value.Total));
                _bars[value.Phase] = bar;
            }
            bar.MaxValue = Math.Max(1, value.Total);
            bar.Value = value.Completed;
        }
    }
}
