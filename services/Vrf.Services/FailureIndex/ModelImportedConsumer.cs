using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.FailureIndex;

/// <summary>Indexes each imported model version and, once it is ready, promotes the model's current version to every
/// worker.</summary>
public sealed class ModelImportedConsumer(ModelIndexing indexing) : IConsumer<ModelImported>
{
    public async Task Consume(ConsumeContext<ModelImported> context)
    {
        var promoted = await RejectedInput.RejectBadInputAsync(() => indexing.BuildAsync(context.Message, context.CancellationToken));
        await context.Publish(promoted, context.CancellationToken);
    }
}
