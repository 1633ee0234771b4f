using MassTransit;
using Vrf.Contracts;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.Support;

/// <summary>Rejects every classify request as bad input, counting the attempts.</summary>
public sealed class CorruptImageRejecter(ConsumeAttempts attempts) : IConsumer<ClassifyImage>
{
    public const string Reason = "The image is corrupt: no decoder recognises its first bytes.";

    public Task Consume(ConsumeContext<ClassifyImage> context)
    {
        attempts.Record(context.Message.RequestId);
        throw new UnprocessableMessageException(Reason);
    }
}
