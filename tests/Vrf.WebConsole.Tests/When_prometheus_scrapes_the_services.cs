using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vrf.Cli.Commands.Serve;
using Vrf.ServiceDefaults;
using Vrf.Serving.Store;
using Vrf.Testing;
using Vrf.Testing.Models;
using Vrf.WebConsole.Tests.Support;

namespace Vrf.WebConsole.Tests;

/// <summary>
/// The Grafana dashboard that compose provisions (deploy/grafana/dashboards) against what <c>vrf serve</c>'s services
/// really expose at <c>/metrics</c> after classifying an image, consuming its messages and training a new version of a
/// model of the test's own (so the other tests' models stay as they expect them).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class When_prometheus_scrapes_the_services(ConsoleSite site)
{
    /// <summary>Queue depths come from RabbitMQ's own Prometheus plugin, not from a service.</summary>
    private const string BrokerPrefix = "rabbitmq_";

    /// <summary>The label Prometheus adds to every service's series (deploy/prometheus/prometheus.yml): the compose service.</summary>
    private const string ScrapeLabel = "service";

    /// <summary>The model the test retrains, imported for it alone.</summary>
    private const string TrainedModel = "metered";

    [Fact]
    public async Task Every_metric_the_dashboard_queries_is_exported_by_a_service_or_the_broker()
    {
        using var api = ConsoleKeys.Classify.Client(site.Address);
        var image = new ByteArrayContent(TinyImages.Draw(1, new Random(21)));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var classified = await api.PostAsync("/v1/classify?model=tiny", new MultipartFormDataContent { { image, "image", "green.png" } },
            TestContext.Current.CancellationToken);
        Assert.True(classified.IsSuccessStatusCode, await classified.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using (var operate = ConsoleKeys.Operate.Client(site.Address))
        {
            await TrainAsync(operate);
        }

        var exported = Series(await api.GetStringAsync(OpenTelemetryExtensions.MetricsPath, TestContext.Current.CancellationToken));
        var queries = DashboardQueries();

        Assert.NotEmpty(queries);
        foreach (var (panel, query) in queries)
        {
            var names = MetricSelector().Matches(query).Select(match => match.Groups["name"].Value).ToList();
            Assert.True(names.Count > 0, $"The query of \"{panel}\" names no metric: {query}");
            var fromServices = names.Where(name => !name.StartsWith(BrokerPrefix, StringComparison.Ordinal)).ToList();
            foreach (var name in fromServices)
            {
                Assert.True(exported.ContainsKey(name),
                    $"\"{panel}\" queries {name}, which no service exports. Exported: {string.Join(", ", exported.Keys.Order(StringComparer.Ordinal))}");
            }
            foreach (Match selector in LabelSelector().Matches(query))
            {
                var name = selector.Groups["name"].Value;
                if (name.StartsWith(BrokerPrefix, StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (Match matcher in LabelMatcher().Matches(selector.Groups["matchers"].Value))
                {
                    var (label, exact, value) = (matcher.Groups["label"].Value, matcher.Groups["op"].Value == "=", matcher.Groups["value"].Value);
                    Assert.True(exported[name].Any(series => series.TryGetValue(label, out var found) && (!exact || found == value)),
                        $"\"{panel}\" selects {name} by {label}{matcher.Groups["op"].Value}\"{value}\", which no exported series has. Its series: {Describe(exported[name])}");
                }
            }
            foreach (var label in Grouping().Matches(query).SelectMany(by => by.Groups["labels"].Value.Split(',', StringSplitOptions.TrimEntries)))
            {
                Assert.True(label == ScrapeLabel || fromServices.Count == 0 || fromServices.Any(name => exported[name].Any(series => series.ContainsKey(label))),
                    $"\"{panel}\" groups by {label}, which none of {string.Join(", ", fromServices)} carries. Their series: {string.Join("; ", fromServices.Select(name => Describe(exported[name])))}");
            }
        }
        foreach (var shown in Shown.Prepend(BrokerPrefix + "queue_messages"))
        {
            Assert.True(queries.Any(query => query.Query.Contains(shown, StringComparison.Ordinal)), $"No panel of the dashboard shows {shown}.");
        }
    }

    /// <summary>What operators look for on the dashboard besides throughput and latency: queue waits and batch sizes per
    /// stage, the drift alarm, the share of d above the validation 95th percentile and the spread of d's percentiles,
    /// training loss, throughput and progress.</summary>
    private static readonly string[] Shown =
    [
        "vrf_queue_wait_time_seconds", "vrf_batch_size", "vrf_drift_alarm", "vrf_drift_distance_share_above_p95",
        "vrf_classification_distance_percentile", "vrf_training_loss", "vrf_training_images_total", "vrf_training_progress",
    ];

    /// <summary>Imports <see cref="TrainedModel"/> and trains a new version of it through the gateway (an operator's
    /// <paramref name="api"/>), one short epoch.</summary>
    private async Task TrainAsync(HttpClient api)
    {
        await site.ImportAsync(site.Store.Workspace.Request(TrainedModel));
        using var submitted = await api.PostAsJsonAsync("/v1/retrain", new
        {
            model = TrainedModel, train = site.Store.Workspace.Train, validation = site.Store.Workspace.Validation, epochs = 1, batchSize = 4, seed = 1,
        }, TestContext.Current.CancellationToken);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var job = (await submitted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("jobId").GetGuid();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        var details = default(JsonElement);
        var status = "";
        while (status != "trained" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            details = await api.GetFromJsonAsync<JsonElement>($"/v1/jobs/{job}", TestContext.Current.CancellationToken);
            status = details.GetProperty("status").GetString()!;
            Assert.True(status is not ("failed" or "cancelled"), $"The retrain ended {status}: {details}");
        }
        Assert.Equal("trained", status);
        // The trained version is indexed and promoted next: wait for that too, so its events do not redraw the pages the
        // browser tests after this one look at.
        var trained = details.GetProperty("resultVersion").GetInt32();
        var store = new ModelStore(site.Store.Root);
        while (store.Current(TrainedModel).Id.Version != trained && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
        Assert.Equal(trained, store.Current(TrainedModel).Id.Version);
    }

    [Fact]
    public void Prometheus_scrapes_every_service_vrf_serve_runs()
    {
        var scraped = ScrapedNames().Match(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "prometheus", "prometheus.yml")));

        Assert.True(scraped.Success, "deploy/prometheus/prometheus.yml lists no service names to resolve.");
        Assert.Equal(ServableServices.All.Select(service => service.Name).Order(StringComparer.Ordinal),
            scraped.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"- names: \[(?<names>[^\]]*)\]")]
    private static partial Regex ScrapedNames();

    /// <summary>Each panel's title with each of its queries, from the provisioned dashboard.</summary>
    private static List<(string Panel, string Query)> DashboardQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "dashboards", "vrf.json")));
        return [.. dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(panel => panel.TryGetProperty("targets", out _))
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray()
                .Select(target => (panel.GetProperty("title").GetString()!, target.GetProperty("expr").GetString()!)))];
    }

    /// <summary>The series of a scrape in Prometheus's text format: each name with the labels of each of its series.</summary>
    private static Dictionary<string, List<Dictionary<string, string>>> Series(string scrape) =>
        scrape.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(line => ExpositionLine().Match(line))
            .GroupBy(line => line.Groups["name"].Value, line => LabelPair().Matches(line.Groups["labels"].Value)
                .ToDictionary(pair => pair.Groups["label"].Value, pair => pair.Groups["value"].Value))
            .ToDictionary(name => name.Key, name => name.ToList());

    private static string Describe(List<Dictionary<string, string>> series) =>
        string.Join(" ", series.Take(5).Select(labels => $"{{{string.Join(",", labels.Select(pair => $"{pair.Key}=\"{pair.Value}\""))}}}"));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s")]
    private static partial Regex ExpositionLine();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();

    /// <summary>A selector with label matchers: <c>name{label="value", ...}</c>.</summary>
    [GeneratedRegex(@"(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{(?<matchers>[^}]*)\}")]
    private static partial Regex LabelSelector();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(?<op>=~|!~|!=|=)\s*""(?<value>[^""]*)""")]
    private static partial Regex LabelMatcher();

    /// <summary>The labels of an aggregation: <c>by (label, ...)</c>.</summary>
    [GeneratedRegex(@"\bby\s*\((?<labels>[^)]*)\)")]
    private static partial Regex Grouping();

    /// <summary>A metric in a PromQL selector: its name followed by its label matchers or its range.</summary>
    [GeneratedRegex(@"(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\s*[{\[]")]
    private static partial Regex MetricSelector();
}
