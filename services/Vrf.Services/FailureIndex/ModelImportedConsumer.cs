using MassTransit;
using Vrf.Contracts;

namespace Vrf.Services.FailureIndex;

/// <summary>Indexes each imported model version and, once it is ready, promotes the model's current version to every
/// worker.</summary>
public sealed class ModelImportedConsumer(ModelIndexing indexing) : IConsumer<ModelImported>
{
    public Task Consume(ConsumeContext<ModelImported> context) =>
        IndexAndPromote.ConsumeAsync(indexing, context, context.Message.ModelName, context.Message.Version);
}
