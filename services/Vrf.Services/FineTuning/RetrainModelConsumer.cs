using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.FineTuning;

/// <summary>
/// Accepts retrain requests: checks and records each one in a moment and acknowledges it; a <see cref="FineTuningWorker"/>
/// trains it afterwards, so no message is held for the hours a job may take. A request that can never run goes to the
/// error queue with the reason, and <see cref="FineTuningJobIntake.Refuse"/> records it and tells its sender.
/// </summary>
public sealed class RetrainModelConsumer(FineTuningJobIntake intake, FineTuningJobSignal signal) : IConsumer<RetrainModel>
{
    public Task Consume(ConsumeContext<RetrainModel> context)
    {
        RejectedInput.RejectBadInput(() => intake.Accept(context.Message));
        signal.WorkRecorded();
        return Task.CompletedTask;
    }
}
