using MassTransit;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;
using Vrf.Serving.Jobs;

namespace Vrf.Services.FineTuning;

/// <summary>
/// Every replica sees every cancel request. Each marks the job's record (so a worker that missed this message still
/// stops at its next progress report); the replica that trains the job stops it; a job that nobody trains (accepted,
/// or left by a worker that died) is ended by whichever replica takes its claim first.
/// </summary>
public sealed partial class CancelFineTuningConsumer(
    FineTuningJobStore jobs,
    RunningFineTuningJobs running,
    FineTuningJobCancellation cancellation,
    TimeProvider clock,
    ILogger<CancelFineTuningConsumer> logger) : IConsumer<CancelFineTuning>
{
    public async Task Consume(ConsumeContext<CancelFineTuning> context)
    {
        var request = context.Message;
        FineTuningJobRecord record;
        try
        {
            record = jobs.Update(request.JobId, current => current.IsFinal || current.CancelRequested
                ? current
                : current with { CancelRequested = true, Reason = request.Reason ?? "Cancelled on request.", UpdatedAt = clock.GetUtcNow() });
        }
        catch (KeyNotFoundException)
        {
            LogUnknownJob(request.JobId);
            return;
        }
        if (record.IsFinal || running.TryCancel(request.JobId))
        {
            return;
        }
        using var claim = jobs.TryClaim(request.JobId);
        if (claim is not null)
        {
            await cancellation.FinishAsync(claim, context.CancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a cancel request for job {JobId}: the job store has no such job")]
    private partial void LogUnknownJob(Guid jobId);
}
