using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Contracts;
using Vrf.Services;
using Vrf.Serving.Import;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Models;

/// <summary>
/// <c>vrf models import</c>: creates the model's next version from two CLIP folders in this process, then hands it to
/// the failure-index service (<c>ModelImported</c>) and shows its progress from the <c>ModelIndexingProgressed</c>
/// events, with a bar per phase, until the version is promoted (or its indexing failed); then prints what the version
/// is served with. With <c>--bus memory</c> the failure-index service runs in this process.
/// </summary>
public sealed class ModelsImportCommand : AsyncCommand<ModelsImportSettings>
{
    private static readonly TimeSpan QuietWarning = TimeSpan.FromSeconds(30);

    public override async Task<int> ExecuteAsync(CommandContext context, ModelsImportSettings settings, CancellationToken cancellationToken)
    {
        using var host = BusClientHost.Build(settings, [ServiceCatalog.FailureIndex], bus =>
        {
            bus.AddSingleton<ModelIndexingEvents>();
            bus.AddConsumer<ModelIndexingEventsConsumer, ModelIndexingEventsConsumerDefinition>();
        }, settings.Device);
        await host.StartOrExplainAsync(settings, cancellationToken);

        await using var serving = ServingServices.Create(settings.Store, settings.Device);
        var store = serving.GetRequiredService<ModelStore>();
        var imported = serving.GetRequiredService<ModelImporter>().Import(new ModelImportRequest(
            settings.Name!,
            settings.ZeroShot!,
            settings.FineTuned!,
            settings.Classes!,
            settings.Train!,
            settings.Validation,
            settings.Templates,
            settings.FineTunedHead,
            KSelection.Of(settings.Rule, settings.K)));
        Terminal.Out.MarkupLine($"Imported [bold]{Markup.Escape(imported.Id.ToString())}[/] into {Markup.Escape(imported.Folder)}; " +
                                $"the failure-index service {Markup.Escape(settings.ServicesLocation)} builds its index.");

        await host.Services.GetRequiredService<IBus>().Publish(
            new ModelImported(imported.Id.Name, imported.Id.Version, Path.GetRelativePath(store.Root, imported.Folder)), cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Timeout is { } timeout)
        {
            deadline.CancelAfter(TimeSpan.FromSeconds(timeout));
        }
        var events = host.Services.GetRequiredService<ModelIndexingEvents>();
        try
        {
            await Terminal.Out.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(progress => FollowAsync(events, imported.Id, store, new PhaseBars(progress), settings, deadline.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{imported.Id} was not ready within {settings.Timeout} s; the failure-index service goes on (see 'vrf models show {imported.Id}').");
        }
        await host.StopAsync(CancellationToken.None);

        var ready = store.Get(imported.Id);
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

    /// <summary>Shows the version's progress until a promotion finds it ready, or its indexing failed.</summary>
    private static async Task FollowAsync(ModelIndexingEvents events, ModelVersionId version, ModelStore store, PhaseBars bars,
        ModelsImportSettings settings, CancellationToken cancellationToken)
    {
        var heardAnything = false;
        while (true)
        {
            object message;
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (!heardAnything)
                {
                    quiet.CancelAfter(QuietWarning);
                }
                try
                {
                    message = await events.Reader.ReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Terminal.Warn($"No progress from a failure-index service on {settings.BusOptions()} after {QuietWarning.TotalSeconds:0} s: " +
                                  "is one running there (vrf serve, or the Vrf.FailureIndex.Host service)? Still waiting.");
                    heardAnything = true;
                    continue;
                }
            }
            switch (message)
            {
                case ModelIndexingProgressed progress when progress.ModelName == version.Name && progress.Version == version.Version:
                    heardAnything = true;
                    bars.Show(progress.Phase, progress.Completed, progress.Total);
                    break;
                case ModelIndexingFailed failed when failed.ModelName == version.Name && failed.Version == version.Version:
                    throw new ModelIndexingFailedException($"Indexing {version} failed: {failed.Reason}");
                case ModelPromoted promoted when promoted.ModelName == version.Name && store.Get(version).Status == ModelStatus.Ready:
                    return;
            }
        }
    }

    /// <summary>One progress bar per indexing phase, created when the phase starts.</summary>
    private sealed class PhaseBars(ProgressContext context)
    {
        private readonly Dictionary<string, ProgressTask> _bars = [];

        public void Show(string phase, int completed, int total)
        {
            if (!_bars.TryGetValue(phase, out var bar))
            {
                bar = context.AddTask(phase, maxValue: Math.Max(1, total));
                _bars[phase] = bar;
            }
            bar.MaxValue = Math.Max(1, total);
            bar.Value = completed;
        }
    }
}
