using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// Asks for each new version's index build, whether it was imported or trained (<see cref="ModelIndexing.Ask"/>), and
/// acknowledges at once: the <see cref="IndexBuildWorker"/> builds it and promotes it. A version that is ready already
/// is promoted again; bad input (no such version, a retired one) goes to the error queue with its reason.
/// </summary>
public sealed class NewVersionConsumer(ModelIndexing indexing) : IConsumer<ModelImported>, IConsumer<ModelTrained>
{
    public Task Consume(ConsumeContext<ModelImported> context) => AskAsync(context, context.Message.ModelName, context.Message.Version);

    public Task Consume(ConsumeContext<ModelTrained> context) => AskAsync(context, context.Message.ModelName, context.Message.Version);

    private async Task AskAsync(ConsumeContext context, string modelName, int version)
    {
        if (RejectedInput.RejectBadInput(() => indexing.Ask(modelName, version)) is { } promoted)
        {
            await context.Publish(promoted, context.CancellationToken);
        }
    }
}
