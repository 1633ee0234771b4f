using System.Diagnostics.Metrics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using Vrf.Services.Batching;
using Vrf.Services.Models;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// Dynamic batching for failure look-ups, per model version (<see cref="LookupBatchingOptions"/>: N features or T ms):
/// a batch is one query of the failure index. A batch the index refuses (a feature of the wrong size, a zero vector) is
/// asked again one feature at a time, so only the messages at fault fail. Each batch's size goes to
/// <see cref="BatchSizes"/> on the failure-index service's meter.
/// </summary>
public sealed class LookupBatchers : IAsyncDisposable, IVersionResources
{
    private readonly VersionBatchers<Lookup, LookupOutcome> _batchers;
    private readonly IFailureIndex _index;

    public LookupBatchers(IFailureIndex index, IOptions<LookupBatchingOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _batchers = new(options.Value, MeasureAsync, new BatchSizes(meters, FailureIndexTelemetry.SourceName, ServiceNames.FailureIndex));
    }

    /// <summary>Queues a feature for its version's next look-up batch; completes with its distance to the
    /// <paramref name="k"/>-th nearest failure and its <paramref name="nearestCount"/> nearest failures.</summary>
    /// <exception cref="ModelNotFoundException">No failure set is stored for the version.</exception>
    /// <exception cref="FeatureDimensionMismatchException">The feature's size is not the failure set's.</exception>
    /// <exception cref="InvalidFeatureException">The feature is the zero vector or holds a NaN or infinity.</exception>
    public async Task<Batched<FailureDistance>> MeasureAsync(ModelVersionId version, float[] feature, int k, int nearestCount,
        CancellationToken cancellationToken)
    {
        var batched = await _batchers.AddAsync(version, new Lookup(feature, k, nearestCount), cancellationToken);
        if (batched.Result.Error is { } error)
        {
            error.Throw();
        }
        return new Batched<FailureDistance>(batched.Result.Distance!, batched.Waited, batched.Running, batched.BatchSize);
    }

    /// <summary>Stops the version's batch queue (a retired version's) once its look-ups have run, and frees its loaded
    /// failure set.</summary>
    public void Release(ModelVersionId version)
    {
        _batchers.Release(version);
        _index.Release(version);
    }

    public ValueTask DisposeAsync() => _batchers.DisposeAsync();

    /// <summary>One index query per K in the batch (K is the version's, so one in practice), asking every feature for
    /// the most nearest failures any of them wants; each then keeps its own count.</summary>
    private async Task<IReadOnlyList<LookupOutcome>> MeasureAsync(ModelVersionId version, IReadOnlyList<Lookup> lookups)
    {
        var outcomes = new LookupOutcome[lookups.Count];
        foreach (var group in Enumerable.Range(0, lookups.Count).GroupBy(i => lookups[i].K))
        {
            var members = group.ToList();
            var nearest = members.Max(i => lookups[i].NearestCount);
            var measured = await MeasureOrIsolateAsync(version, [.. members.Select(i => lookups[i].Feature)], group.Key, nearest);
            for (var j = 0; j < members.Count; j++)
            {
                outcomes[members[j]] = measured[j].Distance is { } distance
                    ? new LookupOutcome(distance with { Nearest = [.. distance.Nearest.Take(lookups[members[j]].NearestCount)] }, null)
                    : measured[j];
            }
        }
        return outcomes;
    }

    private async Task<LookupOutcome[]> MeasureOrIsolateAsync(ModelVersionId version, float[][] features, int k, int nearest)
    {
        try
        {
            var distances = await _index.MeasureAsync(version, features, k, nearest);
            return [.. distances.Select(distance => new LookupOutcome(distance, null))];
        }
        catch (Exception) when (features.Length > 1)
        {
            var outcomes = new LookupOutcome[features.Length];
            for (var i = 0; i < features.Length; i++)
            {
                outcomes[i] = (await MeasureOrIsolateAsync(version, [features[i]], k, nearest))[0];
            }
            return outcomes;
        }
        catch (Exception e)
        {
            return [new LookupOutcome(null, ExceptionDispatchInfo.Capture(e))];
        }
    }

    private sealed record Lookup(float[] Feature, int K, int NearestCount);

    /// <summary>A feature's distance, or why it has none.</summary>
    private sealed record LookupOutcome(FailureDistance? Distance, ExceptionDispatchInfo? Error);
}
