using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.FailureIndex;

/// <summary>Announces that a model version could not be indexed, and why, to whoever imported it.</summary>
public sealed class ModelImportedFaultConsumer : IConsumer<Fault<ModelImported>>
{
    public Task Consume(ConsumeContext<Fault<ModelImported>> context)
    {
        var imported = context.Message.Message;
        return context.Publish(
            new ModelIndexingFailed(imported.ModelName, imported.Version, ClassificationFailures.Reason(context.Message)),
            context.CancellationToken);
    }
}
