using MassTransit;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;
using Vrf.Serving;
using Vrf.Serving.Store;

namespace Vrf.Services.Models;

/// <summary>Keeps this worker's <see cref="ServedModels"/> in step with promotions and retirements. A promotion of a
/// version this worker cannot serve (not ready in its store) is logged and ignored: the current version stays.</summary>
public sealed partial class ModelLifecycleConsumer(ServedModels models, ILogger<ModelLifecycleConsumer> logger)
    : IConsumer<ModelPromoted>, IConsumer<ModelRetired>
{
    public async Task Consume(ConsumeContext<ModelPromoted> context)
    {
        var id = new ModelVersionId(context.Message.ModelName, context.Message.Version);
        try
        {
            await models.PromoteAsync(id, context.CancellationToken);
        }
        catch (ModelServingException e)
        {
            LogPromotionIgnored(id, e.Message);
        }
    }

    public Task Consume(ConsumeContext<ModelRetired> context)
    {
        models.Retire(new ModelVersionId(context.Message.ModelName, context.Message.Version));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored the promotion of {Model}: {Reason}")]
    private partial void LogPromotionIgnored(ModelVersionId model, string reason);
}
