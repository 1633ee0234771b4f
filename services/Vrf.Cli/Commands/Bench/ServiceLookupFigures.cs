using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vrf.Serving.Failures;
using Vrf.Services.FailureIndex;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// The failure-index service's look-up path on one workload, as a replica runs it: the embedded index behind the
/// service's <see cref="LookupBatchers"/> with its default batching (N features or T ms per version), asked for one
/// image's distance by as many look-ups at once as a replica takes from its queue. A run is one such round; the rate is
/// the fastest run's (<see cref="Throughput"/>). Messages and the bus are not included: <c>vrf bench pipeline</c> has them.
/// </summary>
public static class ServiceLookupFigures
{
    public static IReadOnlyList<ServiceLookupRow> Measure(IndexWorkload workload, IReadOnlyList<int> ks,
        IReadOnlyDictionary<(int Batch, int K), double> indexRates, double seconds, Action<string> done, CancellationToken cancellationToken)
    {
        var options = new LookupBatchingOptions();
        var inFlight = options.EffectiveConcurrentMessageLimit;
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var index = new EmbeddedFailureIndex(workload.Store, NullLogger<EmbeddedFailureIndex>.Instance);
        var batchers = new LookupBatchers(index, Options.Create(options), meters.GetRequiredService<IMeterFactory>());
        try
        {
            var rows = new List<ServiceLookupRow>();
            foreach (var k in ks)
            {
                long lookups = 0, batched = 0;
                void Round()
                {
                    var sizes = Task.WhenAll(Enumerable.Range(0, inFlight).Select(async i =>
                        (await batchers.MeasureAsync(workload.Model, workload.Queries[i % workload.Queries.Count], k, 0, cancellationToken)).BatchSize))
                        .GetAwaiter().GetResult();
                    lookups += sizes.Length;
                    batched += sizes.Sum();
                }
                var throughput = Throughput.Measure(Round, inFlight, seconds, cancellationToken);
                rows.Add(new ServiceLookupRow(workload.Size, workload.Dimension, k, inFlight, throughput.ItemsPerSecond,
                    (double)batched / lookups, indexRates.TryGetValue((1, k), out var single) ? single : null));
                done($"|V| = {workload.Size:N0}, K = {k}: the service's batched look-ups {throughput.ItemsPerSecond:0.#} queries/s");
            }
            return rows;
        }
        finally
        {
            batchers.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
