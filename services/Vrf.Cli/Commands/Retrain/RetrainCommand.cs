using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Cli.Commands.Jobs;

namespace Vrf.Cli.Commands.Retrain;

/// <summary>
/// <c>vrf retrain</c>: publishes a <c>RetrainModel</c> and prints the job's id. With <c>--follow</c> (and always with
/// <c>--bus memory</c>, where the fine-tuning and failure-index services run in this process) it then shows the job's
/// progress until the new version is promoted; a job that fails or is cancelled ends it with status 2.
/// </summary>
public sealed class RetrainCommand(Terminal terminal) : AsyncCommand<RetrainSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RetrainSettings settings, CancellationToken cancellationToken)
    {
        var request = settings.ToRequest(NewId.NextGuid());
        using var host = JobBus.Build(settings, settings.Device);
        await host.StartOrExplainAsync(settings, cancellationToken);
        await host.Services.GetRequiredService<IBus>().Publish(request, cancellationToken);
        terminal.Out.MarkupLine(Markup.Escape(
            $"Job {request.JobId}: a new version of {request.ModelName} from " +
            $"{(request.BaseVersion is { } version ? $"version {version}" : "its current version")}, submitted to the fine-tuning service {settings.ServicesLocation}."));
        if (!settings.Follow && !settings.InMemory)
        {
            terminal.Out.MarkupLine(Markup.Escape($"Follow it with 'vrf jobs watch {request.JobId}'."));
            await host.StopAsync(CancellationToken.None);
            return 0;
        }
        var promoted = await JobBus.Follower(terminal, host, settings).FollowAsync(request.JobId, request.ModelName, cancellationToken);
        await host.StopAsync(CancellationToken.None);
        var (models, jobs) = JobBus.Stores(settings.Store);
        var record = jobs.Find(request.JobId);
        var bundle = models.Get(promoted);
        terminal.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]Job {request.JobId} trained {Markup.Escape(promoted.ToString())}[/] (validation accuracy {record?.ValidationAccuracy:P1}, " +
            $"{record?.Step} steps); it is {bundle.Status.ToString().ToLowerInvariant()} and promoted."));
        return 0;
    }
}
