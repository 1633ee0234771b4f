using MassTransit;
using Vrf.Contracts;

namespace Vrf.Messaging.Tests.Support;

/// <summary>Fails the first attempts at each request with a transient error, then remembers the request.</summary>
public sealed class FlakyClassifyImageConsumer(ConsumeAttempts attempts, ReceivedMessages<ClassifyImage> received)
    : IConsumer<ClassifyImage>
{
    public const int FailingAttempts = 2;

    public Task Consume(ConsumeContext<ClassifyImage> context)
    {
        if (attempts.Record(context.Message.RequestId) <= FailingAttempts)
        {
            throw new TimeoutException("The model store did not answer in time.");
        }
        received.Add(context.Message);
        return Task.CompletedTask;
    }
}
