using MassTransit;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;
using Vrf.Serving;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// Prepares new versions (imported or trained) for serving with the serving core's <see cref="FailureIndexBuilder"/>,
/// in two steps: <see cref="Ask"/> records that a version is to be built, in a moment, so the message that asked is
/// acknowledged at once (a build can outlast the broker's consumer timeout); <see cref="BuildAsync"/> builds a claimed
/// version, publishing its progress as it goes, and announces the outcome: <see cref="ModelPromoted"/> naming the
/// version that is current once it is ready (the store's <see cref="CurrentVersion"/>: indexing an older version does
/// not take the current one back), or <see cref="ModelIndexingFailed"/> with the reason.
/// </summary>
public sealed partial class ModelIndexing(
    FailureIndexBuilder builder,
    IndexBuildRequests requests,
    IndexBuildSignal signal,
    ModelStore store,
    IBus bus,
    ILogger<ModelIndexing> logger)
{
    /// <summary>Asks for the version's build and wakes this replica's builder. A failed version is built again.</summary>
    /// <returns>The promotion to announce when the version is ready already (a request that came again); null when
    /// the build is asked for.</returns>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ModelNotReadyException">The version was retired.</exception>
    public ModelPromoted? Ask(string modelName, int version)
    {
        var id = new ModelVersionId(modelName, version);
        switch (store.Get(id).Status)
        {
            case ModelStatus.Ready:
                return Promotion(id);
            case ModelStatus.Retired:
                throw new ModelNotReadyException($"Model {id} was retired and is not indexed again.");
            case ModelStatus.Failed:
                store.Update(id, manifest => manifest with { Status = ModelStatus.Indexing, FailureReason = null });
                break;
        }
        requests.Record(id);
        LogAsked(id);
        signal.WorkRecorded();
        return null;
    }

    /// <summary>
    /// Builds the claimed version and announces the outcome, then ends its request. A build that is cancelled (the
    /// replica stops) stays asked for, and so does a ready version whose promotion could not be announced: it is taken
    /// again and announced without building. A failed version keeps its reason in the store whether or not its
    /// failure could be announced.
    /// </summary>
    public async Task BuildAsync(IndexBuildClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var id = claim.Version;
        object outcome;
        using (var span = FailureIndexTelemetry.Source.StartActivity("index-build"))
        {
            span?.SetTag(PipelineActivity.ModelTag, id.ToString());
            try
            {
                await using var progress = new IndexingProgressPublisher(bus, id, logger);
                await builder.BuildAsync(id, progress, cancellationToken);
                outcome = Promotion(id);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcome = new ModelIndexingFailed(id.Name, id.Version, store.Get(id).Manifest.FailureReason ?? ReasonText.OneLine(e.Message));
            }
        }
        await bus.Publish(outcome, outcome.GetType(), cancellationToken);
        claim.Complete();
    }

    private ModelPromoted Promotion(ModelVersionId id) => new(id.Name, store.Current(id.Name).Id.Version);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model}'s index build is asked for")]
    private partial void LogAsked(ModelVersionId model);
}
