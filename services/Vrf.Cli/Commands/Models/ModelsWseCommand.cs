using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Serving.Store;
using Vrf.Serving.WeightSpace;

namespace Vrf.Cli.Commands.Models;

/// <summary>
/// <c>vrf models wse NAME[@VERSION]</c>: makes the weight-space ensemble (WiSE-FT) of a version as the model's next
/// version, with α given or chosen on the version's validation images (a bar while it runs), then has the
/// failure-index service index it as <see cref="VersionIndexing"/> does for every new version, so it is served like
/// any other.
/// </summary>
public sealed class ModelsWseCommand(Terminal terminal) : AsyncCommand<ModelsWseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ModelsWseSettings settings, CancellationToken cancellationToken)
    {
        var request = new WeightSpaceEnsembleRequest(ModelReference.Parse(settings.Model!), settings.Alpha);
        await VersionIndexing.CreateAndIndexAsync(terminal, settings, settings.Device, settings.Timeout, serving =>
        {
            var builder = serving.GetRequiredService<WeightSpaceEnsembleBuilder>();
            var created = terminal.Out.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress => builder.Create(request, new PhaseBars(progress), cancellationToken));
            var record = created.Manifest.WeightSpaceEnsemble!;
            var source = new ModelVersionId(created.Id.Name, record.SourceVersion);
            terminal.Out.MarkupLine(Markup.Escape(record.ChosenOnValidation
                ? string.Create(CultureInfo.InvariantCulture,
                    $"α = {record.Alpha:0.0##} chosen on the validation images of {source} (accuracy {record.ValidationAccuracies.Max(a => a.Accuracy) * 100:0.0}%).")
                : string.Create(CultureInfo.InvariantCulture, $"α = {record.Alpha:0.0##} as given.")));
            return (created, $"Created [bold]{Markup.Escape(created.Id.ToString())}[/], the weight-space ensemble of " +
                             $"{Markup.Escape(source.ToString())}, in {Markup.Escape(created.Folder)}");
        }, cancellationToken);
        return 0;
    }

    /// <summary>One bar per phase of making the ensemble, created when the phase starts.</summary>
    private sealed class PhaseBars(ProgressContext context) : IProgress<WeightSpaceProgress>
    {
        private readonly Dictionary<string, ProgressTask> _bars = [];

        public void Report(WeightSpaceProgress value)
        {
            if (!_bars.TryGetValue(value.Phase, out var bar))
            {
                bar = context.AddTask(value.Phase, maxValue: Math.Max(1, value.Total));
                _bars[value.Phase] = bar;
            }
            bar.Value = value.Completed;
        }
    }
}
