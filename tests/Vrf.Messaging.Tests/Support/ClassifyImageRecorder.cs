using MassTransit;
using Vrf.Contracts;

namespace Vrf.Messaging.Tests.Support;

/// <summary>Consumes classify requests by remembering them.</summary>
public sealed class ClassifyImageRecorder(ReceivedMessages<ClassifyImage> received) : IConsumer<ClassifyImage>
{
    public Task Consume(ConsumeContext<ClassifyImage> context)
    {
        received.Add(context.Message);
        return Task.CompletedTask;
    }
}
