using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Vrf.Client;
using Vrf.ServiceDefaults;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.Telemetry;

/// <summary>
/// The scorer's and the monitor's metrics, collected as their hosts collect them (the service defaults with every
/// service's meter) into OpenTelemetry's in-memory exporter: a count of the results by version, mode and class,
/// histograms of d, its percentile and ω, and the monitor's gauges per version.
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

    private static Exported Latest(List<MetricSnapshot> exported, string name, string unit)
    {
        var metric = exported.LastOrDefault(snapshot => snapshot.Name == name);
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
