using MassTransit;
using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Services.Failures;

namespace Vrf.Services.FineTuning;

/// <summary>
/// Tells the sender of a retrain request that could not be accepted why (<see cref="FineTuningFailed"/>), and records
/// the job as failed with that reason so that listing or watching it says so too. Faults are published after the
/// request went to the error queue, outside the failed consumer's outbox.
/// </summary>
public sealed class RetrainModelFaultConsumer(FineTuningJobStore jobs, TimeProvider clock) : IConsumer<Fault<RetrainModel>>
{
    public async Task Consume(ConsumeContext<Fault<RetrainModel>> context)
    {
        var request = context.Message.Message;
        var reason = ClassificationFailures.Reason(context.Message);
        if (!jobs.TryCreate(FineTuningJobRecord.Refuse(request, reason, clock.GetUtcNow()))
            && jobs.Find(request.JobId) is { Status: not FineTuningJobStatus.Failed })
        {
            return;
        }
        await context.Publish(new FineTuningFailed(request.JobId, request.ModelName, reason), context.CancellationToken);
    }
}
