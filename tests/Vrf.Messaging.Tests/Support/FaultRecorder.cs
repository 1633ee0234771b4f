using MassTransit;
using Vrf.Contracts;

namespace Vrf.Messaging.Tests.Support;

/// <summary>Consumes the faults of classify requests by remembering them.</summary>
public sealed class FaultRecorder(ReceivedMessages<Fault<ClassifyImage>> faults) : IConsumer<Fault<ClassifyImage>>
{
    public Task Consume(ConsumeContext<Fault<ClassifyImage>> context)
    {
        faults.Add(context.Message);
        return Task.CompletedTask;
    }
}
