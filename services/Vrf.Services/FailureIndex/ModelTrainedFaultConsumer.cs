using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.FailureIndex;

/// <summary>Announces that a trained version could not be indexed, and why, as for an imported one.</summary>
public sealed class ModelTrainedFaultConsumer : IConsumer<Fault<ModelTrained>>
{
    public Task Consume(ConsumeContext<Fault<ModelTrained>> context)
    {
        var trained = context.Message.Message;
        return context.Publish(
            new ModelIndexingFailed(trained.ModelName, trained.Version, ClassificationFailures.Reason(context.Message)),
            context.CancellationToken);
    }
}
