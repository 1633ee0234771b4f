using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// Builds the versions whose build was asked for (<see cref="IndexBuildRequests"/>), one at a time, in the order they
/// were asked for. It looks for work when it starts (a build a dead replica left is taken again), when a build was
/// asked for on this replica and every <see cref="IndexBuildOptions.ScanInterval"/>; it builds a version only with its
/// claim, so replicas never build the same version at once.
/// </summary>
public sealed partial class IndexBuildWorker(
    IndexBuildRequests requests,
    ModelIndexing indexing,
    IndexBuildSignal signal,
    ModelStore store,
    IOptions<IndexBuildOptions> options,
    ILogger<IndexBuildWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var version in Waiting())
            {
                if (stoppingToken.IsCancellationRequested || TryClaim(version) is not { } claim)
                {
                    continue;
                }
                using (claim)
                {
                    await BuildAsync(claim, stoppingToken);
                }
            }
            await signal.WaitAsync(options.Value.ScanInterval, stoppingToken);
        }
    }

    private async Task BuildAsync(IndexBuildClaim claim, CancellationToken stoppingToken)
    {
        try
        {
            await indexing.BuildAsync(claim, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogHandedBack(claim.Version);
        }
        catch (Exception e)
        {
            LogNotAnnounced(claim.Version, e);
        }
    }

    /// <summary>The build's claim; null when another replica holds it, the build ended meanwhile or the store refuses
    /// the claim (logged: a full or read-only store, tried again at the next scan).</summary>
    private IndexBuildClaim? TryClaim(ModelVersionId version)
    {
        try
        {
            return requests.TryClaim(version);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            LogClaimFailed(version, e);
            return null;
        }
    }

    /// <summary>The builds asked for; none when the store cannot be read (logged, tried again at the next scan).</summary>
    private IReadOnlyList<ModelVersionId> Waiting()
    {
        try
        {
            return requests.Waiting();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            LogScanFailed(store.Root, e);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped building {Model}'s index; it stays asked for, to be built again")]
    private partial void LogHandedBack(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of {Model}'s index build could not be announced; it stays asked for")]
    private partial void LogNotAnnounced(ModelVersionId model, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not claim {Model}'s index build; trying again at the next scan")]
    private partial void LogClaimFailed(ModelVersionId model, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for index builds in {Folder}; trying again at the next scan")]
    private partial void LogScanFailed(string folder, Exception exception);
}
