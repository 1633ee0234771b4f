using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Vrf.Client;
using Vrf.ServiceDefaults;
using Vrf.Services.Batching;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.Telemetry;

/// <summary>
/// The pipeline's and the monitor's metrics, collected as their hosts collect them (the service defaults with every
/// service's meter) into OpenTelemetry's in-memory exporter: a count of the results by version, mode and class,
/// histograms of d, its percentile and ω, the monitor's gauges per version, each stage's queue wait and the batches of
/// the embedding and failure-index services.
/// </summary>
[Collection(nameof(MeterTests))]
public sealed class When_results_are_measured(MonitoredStore store) : IClassFixture<MonitoredStore>
{
    private const int Images = 60;

    [Fact]
    public async Task Should_count_the_results_measure_d_its_percentile_and_omega_and_show_the_alarm_state_per_version()
    {
        var exported = new List<MetricSnapshot>();
        using (var host = PipelineHost(exported))
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var client = scope.ServiceProvider.GetRequiredService<ClassificationClient>();
                await DriftTraffic.ClassifyAllAsync(DriftTraffic.InDistribution(Images, seed: 500),
                    request => client.ClassifyAsync(request, InMemoryPipeline.ResultTimeout, TestContext.Current.CancellationToken));
                var drift = scope.ServiceProvider.GetRequiredService<DriftClient>();
                await Eventually.WaitUntilAsync(() => drift.CheckAsync(ReadyStore.ModelName, null, InMemoryPipeline.ResultTimeout,
                    TestContext.Current.CancellationToken).GetAwaiter().GetResult().Single().Window.Size == Images, TimeSpan.FromSeconds(60));
            }
            // The in-memory reader collects here; the Prometheus endpoint's reader only collects when scraped, so the
            // provider's answer, which covers both, says nothing about this test's metrics.
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        var version = (ReadyStore.ModelName, store.Ready.Id.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var results = Latest(exported, "vrf.classification.results", "{result}");
        Assert.Equal(Images, results.Points.Sum(point => point.Sum));
        Assert.All(results.Points, point =>
        {
            Assert.Equal("vrf", point.Attributes["vrf.ensemble.mode"]);
            Assert.Contains(point.Attributes["vrf.predicted_class"], Vrf.Testing.Models.TinyWorkspace.ClassNames);
            Assert.Equal(version, point.Version);
        });
        foreach (var histogram in new[] { "vrf.classification.distance", "vrf.classification.distance_percentile", "vrf.classification.weight" })
        {
            var point = Assert.Single(Latest(exported, histogram, "1").Points);
            Assert.Equal((histogram, (long)Images), (histogram, point.Count));
            Assert.Equal(version, point.Version);
            Assert.Equal(2, point.Attributes.Count);
        }
        Assert.Equal(0, Assert.Single(Latest(exported, "vrf.drift.alarm", "1").Points).Value);
        Assert.Equal(Images, Assert.Single(Latest(exported, "vrf.drift.window.size", "{result}").Points).Value);
        Assert.Equal(["class_frequencies", "distance_distribution", "distance_tail"],
            Latest(exported, "vrf.drift.test.p_value", "1").Points.Select(point => point.Attributes["vrf.drift.test"]).Order(StringComparer.Ordinal));
        foreach (var gauge in new[] { "vrf.drift.distance.share_above_p95", "vrf.drift.distance.ks", "vrf.drift.weight.mean", "vrf.drift.disagreement" })
        {
            Assert.InRange(Assert.Single(Latest(exported, gauge, "1").Points).Value, 0, 1);
        }
    }

    [Fact]
    public async Task Should_measure_each_stage_s_queue_wait_and_the_size_of_every_batch_the_services_ran()
    {
        var exported = new List<MetricSnapshot>();
        var classifying = new System.Diagnostics.Stopwatch();
        using (var host = PipelineHost(exported))
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var client = scope.ServiceProvider.GetRequiredService<ClassificationClient>();
                classifying.Start();
                await DriftTraffic.ClassifyAllAsync(DriftTraffic.InDistribution(Images, seed: 501),
                    request => client.ClassifyAsync(request, InMemoryPipeline.ResultTimeout, TestContext.Current.CancellationToken));
                classifying.Stop();
            }
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        var waits = Latest(exported, QueueWaits.WaitTime, "s").Points;
        Assert.Equal([ServiceNames.Embedding, ServiceNames.FailureIndex, ServiceNames.Scorer],
            waits.Select(point => point.Attributes[QueueWaits.QueueKey]).Order(StringComparer.Ordinal));
        Assert.All(waits, point =>
        {
            Assert.Equal(Images, point.Count);
            // No message can have waited longer than the whole run took.
            Assert.InRange(point.Value, 0, classifying.Elapsed.TotalSeconds * Images);
        });
        var version = (ReadyStore.ModelName, store.Ready.Id.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (meter, stage) in new[] { ("Vrf.Embedding", ServiceNames.Embedding), ("Vrf.FailureIndex", ServiceNames.FailureIndex) })
        {
            var batches = Assert.Single(Latest(exported, BatchSizes.Size, "{image}", meter).Points);
            Assert.Equal((stage, version), (batches.Attributes["vrf.stage"], batches.Version));
            Assert.Equal((stage, (double)Images), (stage, batches.Value));
            Assert.InRange(batches.Count, 1, Images);
        }
    }

    /// <summary>The last export of the metric <paramref name="name"/> (of the meter <paramref name="meter"/>, where two
    /// meters have one of that name).</summary>
    private static Exported Latest(List<MetricSnapshot> exported, string name, string unit, string? meter = null)
    {
        var metric = exported.LastOrDefault(snapshot => snapshot.Name == name && (meter is null || snapshot.MeterName == meter));
        Assert.True(metric is not null, $"no metric {name} among {string.Join(", ", exported.Select(snapshot => snapshot.Name).Distinct())}");
        Assert.Equal((name, unit), (name, metric.Unit));
        var points = new List<Point>();
        foreach (var point in metric.MetricPoints)
        {
            var attributes = new Dictionary<string, string>();
            foreach (var tag in point.Tags)
            {
                attributes[tag.Key] = tag.Value?.ToString() ?? "";
            }
            var (sum, count, value) = metric.MetricType switch
            {
                MetricType.LongSum => (point.GetSumLong(), 0L, 0.0),
                MetricType.Histogram => (0L, point.GetHistogramCount(), point.GetHistogramSum()),
                MetricType.DoubleGauge => (0L, 0L, point.GetGaugeLastValueDouble()),
                _ => throw new InvalidOperationException($"{name} is a {metric.MetricType}"),
            };
            points.Add(new Point(attributes, sum, count, value));
        }
        return new Exported(points);
    }

    /// <summary>The pipeline, the monitor and both clients in one host, with telemetry as the hosts set it up.</summary>
    private IHost PipelineHost(List<MetricSnapshot> exported)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "Vrf.Services.Tests",
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ModelStore:Root"] = store.Root });
        IReadOnlyList<ServiceModule> services = [.. ServiceCatalog.ClassifyPipeline, ServiceCatalog.Monitor];
        builder.AddServiceDefaults([.. services.Select(service => service.TelemetrySource).OfType<string>()]);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddInMemoryExporter(exported));
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        builder.Services.AddServiceModules(builder.Configuration, services, MessageBusOptions.Parse("memory"), bus =>
        {
            bus.AddClassificationClient();
            bus.AddDriftClient();
        });
        return builder.Build();
    }

    private sealed record Exported(IReadOnlyList<Point> Points);

    private sealed record Point(IReadOnlyDictionary<string, string> Attributes, long Sum, long Count, double Value)
    {
        public (string, string) Version => (Attributes["vrf.model.name"], Attributes["vrf.model.version"]);
    }
}
