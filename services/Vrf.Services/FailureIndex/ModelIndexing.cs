using MassTransit;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// Prepares a new version (imported or trained) for serving with the serving core's <see cref="FailureIndexBuilder"/>,
/// publishing its progress as it goes, and names the version that is current once it is ready (the store's
/// <see cref="CurrentVersion"/>: indexing an older version does not take the current one back).
/// </summary>
public sealed class ModelIndexing(FailureIndexBuilder builder, ModelStore store, IBus bus, ILogger<ModelIndexing> logger)
{
    /// <exception cref="Vrf.Serving.ModelServingException">The version does not exist, was retired, or its data cannot
    /// be used; the store marks it failed with the reason.</exception>
    public async Task<ModelPromoted> BuildAsync(string modelName, int version, CancellationToken cancellationToken)
    {
        var id = new ModelVersionId(modelName, version);
        using (var span = FailureIndexTelemetry.Source.StartActivity("index-build"))
        {
            span?.SetTag(PipelineActivity.ModelTag, id.ToString());
            await using var progress = new IndexingProgressPublisher(bus, id, logger);
            await builder.BuildAsync(id, progress, cancellationToken);
        }
        return new ModelPromoted(id.Name, store.Current(id.Name).Id.Version);
    }
}
