using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Vrf.Cli.Commands.Bus;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.Services;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Models;

/// <summary>
/// How a command that makes a new version (<c>vrf models import</c>, <c>vrf models wse</c>) brings it to ready: it
/// creates the version in this process, hands it to the failure-index service (<c>ModelImported</c>) and shows its
/// progress from the <c>ModelIndexingProgressed</c> events, with a bar per phase, until the version is promoted (or its
/// indexing failed); then prints what the version is served with. With <c>--bus memory</c> the failure-index service
/// runs in this process.
/// </summary>
internal static class VersionIndexing
{
    private static readonly TimeSpan QuietWarning = TimeSpan.FromSeconds(30);

    /// <param name="create">Makes the version (status indexing) with the serving core; returns it and a line (markup) that says
    /// what was made and where.</param>
    /// <param name="timeout">Seconds to wait for the index; null waits until it is done.</param>
    public static async Task<ModelBundle> CreateAndIndexAsync(Terminal terminal, BusSettings settings, string? device, double? timeout,
        Func<IServiceProvider, (ModelBundle Version, string Made)> create, CancellationToken cancellationToken)
    {
        using var host = BusClientHost.Build(settings, [ServiceCatalog.FailureIndex], bus =>
            bus.AddEventInbox("model-indexing-events", typeof(ModelIndexingProgressed), typeof(ModelPromoted), typeof(ModelIndexingFailed)), device);
        await host.StartOrExplainAsync(settings, cancellationToken);

        await using var serving = ServingServices.Create(settings.Store, device);
        var store = serving.GetRequiredService<ModelStore>();
        var (created, made) = create(serving);
        terminal.Out.MarkupLine($"{made}; the failure-index service {Markup.Escape(settings.ServicesLocation)} builds its index.");

        await host.Services.GetRequiredService<IBus>().Publish(
            new ModelImported(created.Id.Name, created.Id.Version, Path.GetRelativePath(store.Root, created.Folder)), cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } seconds)
        {
            deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
        }
        var events = host.Services.GetRequiredService<EventInbox>();
        try
        {
            await terminal.Out.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(progress => FollowAsync(terminal, events, created.Id, store, new PhaseBars(progress), settings, deadline.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{created.Id} was not ready within {timeout} s; the failure-index service goes on (see 'vrf models show {created.Id}').");
        }
        await host.StopAsync(CancellationToken.None);

        var ready = store.Get(created.Id);
        foreach (var warning in ready.Manifest.Warnings)
        {
            terminal.Warn(warning);
        }
        var parameters = ready.Parameters;
        terminal.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]{Markup.Escape(ready.Id.ToString())} is ready[/]: |V| = {parameters.FailureSetSize}, K = {parameters.K} ({parameters.KRule.ToString().ToLowerInvariant()} rule), " +
            $"a = {parameters.A:0.###}, b = {parameters.B:0.###}, T_zs = {parameters.ZeroShotTemperature:0.####}, T_ft = {parameters.FineTunedTemperature:0.####}, " +
            $"OSE α = {parameters.OseAlpha:0.###} ({parameters.TunedOn.ToString().ToLowerInvariant()})."));
        return ready;
    }

    /// <summary>Shows the version's progress until a promotion finds it ready, or its indexing failed.</summary>
    private static async Task FollowAsync(Terminal terminal, EventInbox events, ModelVersionId version, ModelStore store, PhaseBars bars,
        BusSettings settings, CancellationToken cancellationToken)
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
                    terminal.Warn($"No progress from a failure-index service on {settings.BusOptions()} after {QuietWarning.TotalSeconds:0} s: " +
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
