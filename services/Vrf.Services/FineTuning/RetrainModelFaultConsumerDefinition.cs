using MassTransit;

namespace Vrf.Services.FineTuning;

/// <summary>The <c>fine-tuning-faults</c> queue, shared by every replica.</summary>
public sealed class RetrainModelFaultConsumerDefinition : ConsumerDefinition<RetrainModelFaultConsumer>
{
    public RetrainModelFaultConsumerDefinition()
    {
        EndpointName = $"{ServiceNames.FineTuning}-faults";
    }
}
