using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.Embedding;

/// <summary>Embeds each classify request's image and passes both models' outputs on to the failure-index service.</summary>
public sealed class ClassifyImageConsumer(ImageEmbedder embedder) : IConsumer<ClassifyImage>
{
    public async Task Consume(ConsumeContext<ClassifyImage> context)
    {
        var embedded = await RejectedInput.RejectBadInputAsync(() => embedder.EmbedAsync(context.Message, context.CancellationToken));
        await context.Publish(embedded, context.CancellationToken);
    }
}
