using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// Indexes each new version of a model, whether it was imported or trained, and once it is ready promotes the model's
/// current version (the new one, unless a newer one is ready) to every worker. Bad input goes to the error queue with
/// its reason.
/// </summary>
public sealed class NewVersionConsumer(ModelIndexing indexing) : IConsumer<ModelImported>, IConsumer<ModelTrained>
{
    public Task Consume(ConsumeContext<ModelImported> context) => IndexAsync(context, context.Message.ModelName, context.Message.Version);

    public Task Consume(ConsumeContext<ModelTrained> context) => IndexAsync(context, context.Message.ModelName, context.Message.Version);

    private async Task IndexAsync(ConsumeContext context, string modelName, int version)
    {
        var promoted = await RejectedInput.RejectBadInputAsync(() => indexing.BuildAsync(modelName, version, context.CancellationToken));
        await context.Publish(promoted, context.CancellationToken);
    }
}
