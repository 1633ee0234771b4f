using MassTransit;
using Vrf.Contracts;

namespace Vrf.Services.FailureIndex;

/// <summary>Indexes each version the fine-tuning service trained, as an imported one, and once it is ready promotes
/// the model's current version (the trained one, unless a newer one is ready) to every worker.</summary>
public sealed class ModelTrainedConsumer(ModelIndexing indexing) : IConsumer<ModelTrained>
{
    public Task Consume(ConsumeContext<ModelTrained> context) =>
        IndexAndPromote.ConsumeAsync(indexing, context, context.Message.ModelName, context.Message.Version);
}
