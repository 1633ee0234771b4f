using MassTransit;

namespace Vrf.Services.FineTuning;

/// <summary>The <c>fine-tuning</c> queue, shared by every replica: whichever takes a request records the job; any idle
/// replica may then train it.</summary>
public sealed class RetrainModelConsumerDefinition : ConsumerDefinition<RetrainModelConsumer>
{
    public RetrainModelConsumerDefinition()
    {
        EndpointName = ServiceNames.FineTuning;
    }
}
