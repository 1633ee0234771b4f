using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Serving.Jobs;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>
/// <c>vrf jobs watch JOB</c>: prints the job's record, then follows its live events until its version is promoted, it
/// fails or it is cancelled (status 2). With <c>--bus memory</c> the services run in this process, which resumes a job
/// left unfinished from its checkpoint.
/// </summary>
public sealed class JobsWatchCommand(Terminal terminal) : AsyncCommand<JobSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, JobSettings settings, CancellationToken cancellationToken)
    {
        var (_, jobs) = JobBus.Stores(settings.Store);
        var record = jobs.Find(settings.JobId) ?? throw new JobNotFoundException(settings.JobId, jobs.Root);
        Describe(record);
        using var host = JobBus.Build(settings, settings.Device);
        await host.StartOrExplainAsync(settings, cancellationToken);
        var promoted = await JobBus.Follower(terminal, host, settings).FollowAsync(record.JobId, record.ModelName, cancellationToken);
        await host.StopAsync(CancellationToken.None);
        terminal.Out.MarkupLine($"[green]Job {record.JobId} trained {Markup.Escape(promoted.ToString())}[/], which is ready and promoted.");
        return 0;
    }

    private void Describe(FineTuningJobRecord record)
    {
        var request = record.Request;
        terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Job {record.JobId}: {JobsListCommand.StatusText(record)}, {record.ModelName} from version {record.BaseVersion}, " +
            $"recipe {request.Recipe}, step {JobsListCommand.StepText(record)}, loss {record.LastLoss?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-"}, " +
            $"accepted {record.AcceptedAt:yyyy-MM-dd HH:mm:ss}, train {request.TrainPath}, val {request.ValidationPath}.")));
    }
}
