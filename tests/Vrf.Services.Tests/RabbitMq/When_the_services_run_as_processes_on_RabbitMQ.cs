using System.Globalization;
using System.Text.RegularExpressions;
using Vrf.Contracts;
using Vrf.Imaging;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;
using Vrf.Serving.Failures;

namespace Vrf.Services.Tests.RabbitMq;

[Collection(nameof(ProcessTests))]
public sealed partial class When_the_services_run_as_processes_on_RabbitMQ(HostsOnRabbitMq services) : IClassFixture<HostsOnRabbitMq>
{
    private static readonly EnsembleMode[] Modes = [EnsembleMode.Vrf, EnsembleMode.ZeroShot, EnsembleMode.FineTuned, EnsembleMode.OutputSpace];

    [Fact]
    public async Task Should_classify_a_dozen_images_like_the_in_process_reference_with_two_competing_scorers()
    {
        Assert.Equal(2u, await services.Broker.ConsumerCountAsync(ServiceNames.Scorer, TestContext.Current.CancellationToken));
        var requests = Enumerable.Range(0, 12)
            .Select(i => Requests.Classify(QueryImages.Drawn(i % 3, 200 + i), $"image-{i}.png", Modes[i % Modes.Length]))
            .ToList();

        var outcomes = await Task.WhenAll(requests.Select(services.ClassifyAsync));

        foreach (var (request, outcome) in requests.Zip(outcomes))
        {
            Assert.True(outcome.Succeeded, $"{request.FileName}: {outcome.Failure?.Stage}: {outcome.Failure?.Reason}\n{services.Diagnostics()}");
            (await services.Store.ClassifyAsync(request.ImageBytes, Requests.Reference(request))).AssertMatches(outcome.Result!);
        }
    }

    [Fact]
    public async Task Should_send_each_client_only_its_own_results_and_publish_every_result_for_subscribers()
    {
        await using var first = await ObservedClient.StartAsync(services.Broker.Options);
        await using var second = await ObservedClient.StartAsync(services.Broker.Options);
        await using var monitor = await ObservedClient.StartAsync(services.Broker.Options, subscribe: true);
        var firstRequests = Enumerable.Range(0, 4).Select(i => Requests.Classify(QueryImages.Drawn(i % 3, 400 + i), $"first-{i}.png")).ToList();
        var secondRequests = Enumerable.Range(0, 3).Select(i => Requests.Classify(QueryImages.Drawn(i % 3, 500 + i), $"second-{i}.png")).ToList();

        var outcomes = await Task.WhenAll(firstRequests.Select(first.ClassifyAsync).Concat(secondRequests.Select(second.ClassifyAsync)));
        await Eventually.WaitUntilAsync(() => monitor.ResultsConsumed >= outcomes.Length, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, $"{outcome.Failure?.Reason}\n{services.Diagnostics()}"));
        Assert.Equal((4, 3, 7), (first.ResultsConsumed, second.ResultsConsumed, monitor.ResultsConsumed));
        Assert.Equal(firstRequests.Concat(secondRequests).Select(request => request.RequestId).Order(),
            monitor.SubscribedResults().Select(result => result.RequestId).Order());
    }

    [Fact]
    public async Task Should_answer_bad_input_with_its_reason_park_it_once_in_the_service_error_queue_and_keep_serving()
    {
        var ready = services.Store.Ready;
        var corrupt = Requests.Classify(QueryImages.TruncatedPng(), "cut.png");
        var wrongFeature = new ImageEmbedded(Guid.NewGuid(), ReadyStore.ModelName, ready.Id.Version, [1, 2, 3], [3, 2, 1],
            new float[ready.Manifest.EmbeddingDim + 2], EnsembleMode.Vrf, null, 3, 0, [], services.ReplyAddress);
        var wrongLogits = new FailureDistanceMeasured(Guid.NewGuid(), ReadyStore.ModelName, ready.Id.Version, [1, 2, 3, 4], [3, 2, 1],
            0.5, ready.Parameters.K, [], EnsembleMode.Vrf, null, 3, [], services.ReplyAddress);

        var failures = new[]
        {
            (Queue: ServiceNames.Embedding, Cause: typeof(ImageDecodeException), Outcome: await services.ClassifyAsync(corrupt)),
            (Queue: ServiceNames.FailureIndex, Cause: typeof(FeatureDimensionMismatchException),
                Outcome: await services.OutcomeOfAsync(wrongFeature, wrongFeature.RequestId)),
            (Queue: ServiceNames.Scorer, Cause: typeof(InvalidFeatureException), Outcome: await services.OutcomeOfAsync(wrongLogits, wrongLogits.RequestId)),
        };
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        foreach (var (queue, cause, outcome) in failures)
        {
            var failure = Assert.IsType<ImageClassificationFailed>(outcome.Failure);
            Assert.Equal((ReadyStore.ModelName, queue), (failure.ModelName, failure.Stage));
            var parked = Assert.Single(await services.Broker.TakeAllAsync($"{queue}_error", TestContext.Current.CancellationToken));
            var headers = string.Join(", ", parked.Select(header => $"{header.Key}={header.Value}"));
            Assert.True(failure.Reason == parked["MT-Fault-Message"], headers);
            Assert.True(cause.FullName == parked["MT-Fault-ExceptionType"], headers);
            Assert.True(!parked.ContainsKey("MT-Fault-RetryCount"), headers);
        }
        Assert.Contains("corrupt or truncated", failures[0].Outcome.Failure!.Reason);
        Assert.Contains($"but a query has {ready.Manifest.EmbeddingDim + 2}", failures[1].Outcome.Failure!.Reason);
        Assert.Contains("the logits have 4 (zero-shot) and 3 (fine-tuned) values", failures[2].Outcome.Failure!.Reason);
        var good = await services.ClassifyAsync(Requests.Classify(QueryImages.Drawn(1, 300), "after.png"));
        Assert.True(good.Succeeded, $"{good.Failure?.Reason}\n{services.Diagnostics()}");
        Assert.All(services.Processes, process => Assert.True(process.IsRunning, $"{process.Name} stopped:\n{process.Output}"));
    }

    [Fact]
    public async Task Should_count_each_image_once_in_every_stage_s_queue_wait_and_batches_on_the_hosts_metrics_endpoints()
    {
        var requests = Enumerable.Range(0, 6).Select(i => Requests.Classify(QueryImages.Drawn(i % 3, 700 + i), $"scraped-{i}.png")).ToList();
        var before = await ScrapeAsync();

        var outcomes = await Task.WhenAll(requests.Select(services.ClassifyAsync));

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, $"{outcome.Failure?.Reason}\n{services.Diagnostics()}"));
        string[] counted =
        [
            $"vrf_queue_wait_time_seconds_count{{messaging_destination_name=\"{ServiceNames.Embedding}\"}}",
            $"vrf_queue_wait_time_seconds_count{{messaging_destination_name=\"{ServiceNames.FailureIndex}\"}}",
            $"vrf_queue_wait_time_seconds_count{{messaging_destination_name=\"{ServiceNames.Scorer}\"}}",
            $"vrf_batch_size_sum{{vrf_stage=\"{ServiceNames.Embedding}\"}}",
            $"vrf_batch_size_sum{{vrf_stage=\"{ServiceNames.FailureIndex}\"}}",
        ];
        // A host answers a scrape from its cache for 300 ms (the exporter's ScrapeResponseCacheDurationMilliseconds), so
        // scrape again until every count has moved, or a few seconds passed.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        Dictionary<string, double> moved;
        while (true)
        {
            var after = await ScrapeAsync();
            moved = counted.ToDictionary(series => series, series => after.GetValueOrDefault(series) - before.GetValueOrDefault(series));
            if (moved.Values.All(delta => delta >= requests.Count) || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
        foreach (var (series, delta) in moved)
        {
            Assert.True(delta == requests.Count, $"{series} moved by {delta}, not {requests.Count}.");
        }
    }

    /// <summary>What every host process answers at <c>/metrics</c>, summed over the processes per series, each named
    /// by its metric and the one label the test reads (the other labels, the scope and the version, set aside).</summary>
    private async Task<Dictionary<string, double>> ScrapeAsync()
    {
        using var http = new HttpClient();
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var process in services.Processes)
        {
            var scrape = await http.GetStringAsync(new Uri(process.Address!, "/metrics"), TestContext.Current.CancellationToken);
            foreach (Match line in ScrapedSeries().Matches(scrape))
            {
                var series = $"{line.Groups["name"].Value}{{{line.Groups["label"].Value}}}";
                totals[series] = totals.GetValueOrDefault(series) + double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
        return totals;
    }

    [GeneratedRegex(@"^(?<name>vrf_queue_wait_time_seconds_count|vrf_batch_size_sum)\{.*?(?<label>(messaging_destination_name|vrf_stage)=""[^""]*"").*\} (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ScrapedSeries();
}
