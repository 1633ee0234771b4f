using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Contracts;
using Vrf.Serving.Jobs;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>
/// <c>vrf jobs cancel JOB</c>: asks every fine-tuning replica to stop the job (<c>CancelFineTuning</c>) and waits until
/// its record says it ended. A job that already ended is an error (status 2), and so is one that ended otherwise.
/// </summary>
public sealed class JobsCancelCommand(Terminal terminal) : AsyncCommand<JobsCancelSettings>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public override async Task<int> ExecuteAsync(CommandContext context, JobsCancelSettings settings, CancellationToken cancellationToken)
    {
        var (_, jobs) = JobBus.Stores(settings.Store);
        var record = jobs.Find(settings.JobId) ?? throw new JobNotFoundException(settings.JobId, jobs.Root);
        if (record.IsFinal)
        {
            throw new JobEndedException($"Job {record.JobId} already ended: it is {JobsListCommand.StatusText(record)}.");
        }
        using var host = JobBus.Build(settings, settings.Device);
        await host.StartOrExplainAsync(settings, cancellationToken);
        await host.Services.GetRequiredService<IBus>().Publish(new CancelFineTuning(record.JobId, settings.Reason), cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.Timeout));
        try
        {
            while (jobs.Find(record.JobId) is { IsFinal: false })
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Job {record.JobId} did not stop within {settings.Timeout} s; a fine-tuning service {settings.ServicesLocation} stops it when it next reports progress.");
        }
        await host.StopAsync(CancellationToken.None);
        var ended = jobs.Find(record.JobId)!;
        if (ended.Status != FineTuningJobStatus.Cancelled)
        {
            throw new JobEndedException($"Job {record.JobId} ended before it could be cancelled: it is {JobsListCommand.StatusText(ended)}.");
        }
        terminal.Out.MarkupLine(Markup.Escape($"Job {record.JobId} cancelled after {ended.Step} step(s)."));
        return 0;
    }
}
