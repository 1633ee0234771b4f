using MassTransit;
using Vrf.Contracts;
using Vrf.Serving.Jobs;

namespace Vrf.Services.FineTuning;

/// <summary>Ends a job as cancelled, once: whoever holds its claim and finds it not yet final marks it cancelled,
/// deletes its checkpoints and publishes <see cref="FineTuningCancelled"/>; anyone later finds it final and does nothing.</summary>
public sealed class FineTuningJobCancellation(FineTuningJobStore jobs, IBus bus, TimeProvider clock)
{
    /// <param name="claim">The job's claim, held by the caller.</param>
    public async Task FinishAsync(FineTuningJobClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var cancelled = false;
        var record = jobs.Update(claim.JobId, current =>
        {
            if (current.IsFinal)
            {
                return current;
            }
            cancelled = true;
            var now = clock.GetUtcNow();
            return current with
            {
                Status = FineTuningJobStatus.Cancelled,
                Reason = current.Reason ?? "Cancelled on request.",
                UpdatedAt = now,
                FinishedAt = now,
            };
        });
        if (cancelled)
        {
            jobs.DeleteCheckpoints(claim.JobId);
            await bus.Publish(new FineTuningCancelled(record.JobId, record.ModelName, record.Step), cancellationToken);
        }
    }
}
