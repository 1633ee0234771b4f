using MassTransit;
using Vrf.Services.Failures;

namespace Vrf.Services.FailureIndex;

/// <summary>What the consumers of a new version's event do, whether it was imported or trained: build its index, then
/// promote the model's current version to every worker. Bad input goes to the error queue with its reason.</summary>
internal static class IndexAndPromote
{
    public static async Task ConsumeAsync(ModelIndexing indexing, ConsumeContext context, string modelName, int version)
    {
        var promoted = await RejectedInput.RejectBadInputAsync(() => indexing.BuildAsync(modelName, version, context.CancellationToken));
        await context.Publish(promoted, context.CancellationToken);
    }
}
