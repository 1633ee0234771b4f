using MassTransit;

namespace Vrf.Services.Scorer;

/// <summary>The <c>scorer</c> queue, shared by every replica (the replica count is the scorer's scaling knob); scoring
/// is a few microseconds of arithmetic, so each replica takes several messages at once.</summary>
public sealed class FailureDistanceMeasuredConsumerDefinition : ConsumerDefinition<FailureDistanceMeasuredConsumer>
{
    private const int Concurrency = 16;

    public FailureDistanceMeasuredConsumerDefinition()
    {
        EndpointName = ServiceNames.Scorer;
        ConcurrentMessageLimit = Concurrency;
        Endpoint(endpoint => endpoint.PrefetchCount = Concurrency);
    }
}
