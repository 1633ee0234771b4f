using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// Publishes an index build's progress as <see cref="ModelIndexingProgressed"/> events, in order, as the build reports
/// it. It publishes on the bus itself rather than through the consume context, whose outbox would hold every event
/// back until the build ends. Progress is best effort: an event that cannot be published is logged, not retried.
/// </summary>
internal sealed partial class IndexingProgressPublisher : IProgress<IndexingProgress>, IAsyncDisposable
{
    private readonly Channel<IndexingProgress> _reports = Channel.CreateUnbounded<IndexingProgress>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IPublishEndpoint _bus;
    private readonly ModelVersionId _model;
    private readonly ILogger _logger;
    private readonly Task _publishing;

    public IndexingProgressPublisher(IPublishEndpoint bus, ModelVersionId model, ILogger logger)
    {
        _bus = bus;
        _model = model;
        _logger = logger;
        _publishing = PublishAsync();
    }

    public void Report(IndexingProgress value) => _reports.Writer.TryWrite(value);

    /// <summary>Publishes what is still queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _reports.Writer.TryComplete();
        await _publishing;
    }

    private async Task PublishAsync()
    {
        await foreach (var progress in _reports.Reader.ReadAllAsync())
        {
            try
            {
                await _bus.Publish(new ModelIndexingProgressed(_model.Name, _model.Version, progress.Phase, progress.Completed, progress.Total));
            }
            catch (Exception e)
            {
                LogNotPublished(_model, progress.Phase, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the indexing progress of {Model} ({Phase})")]
    private partial void LogNotPublished(ModelVersionId model, string phase, Exception exception);
}
