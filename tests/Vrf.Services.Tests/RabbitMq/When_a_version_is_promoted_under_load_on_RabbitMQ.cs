using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Serving.Import;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;
using Vrf.Testing.Models;

namespace Vrf.Services.Tests.RabbitMq;

/// <summary>
/// Version 2 is imported, indexed by the failure-index service and promoted while clients classify without pause
/// through the real broker, on two embedding replicas, a failure-index and two scorers, each its own process.
/// Each replica switches when its own copy of <see cref="ModelPromoted"/> arrives, so between the first replica's
/// switch and the last one's a client's consecutive requests may land on replicas that disagree. What must hold:
/// nothing is lost or fails; no result comes from version 2 before the promotion was published; no result of a
/// request sent after every embedding replica logged the switch comes from version 1 (so within a client the two
/// versions interleave only inside that window); a pinned request keeps its version until that version is retired.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class When_a_version_is_promoted_under_load_on_RabbitMQ(ReplicatedHostsOnRabbitMq services)
    : IClassFixture<ReplicatedHostsOnRabbitMq>
{
    private const int Clients = 3;
    private const int SecondVersionResultsPerClient = 5;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Should_lose_no_request_and_move_every_client_to_version_2_for_good_while_pinned_requests_keep_version_1_until_it_is_retired()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Assert.Equal((2u, 2u), (await services.Broker.ConsumerCountAsync(ServiceNames.Embedding, cancellation),
            await services.Broker.ConsumerCountAsync(ServiceNames.Scorer, cancellation)));
        var secondImport = SecondFineTunedImport();
        var promotion = new TaskCompletionSource<DateTime?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = services.Bus.ConnectReceiveEndpoint(endpoint => endpoint.Handler<ModelPromoted>(context =>
        {
            if (context.Message is { ModelName: ReadyStore.ModelName, Version: 2 })
            {
                promotion.TrySetResult(context.SentTime);
            }
            return Task.CompletedTask;
        }));
        await observer.Ready.WaitAsync(StepTimeout, cancellation);

        var clients = ClassifyLoops.Start(Clients,
            (client, index) => Requests.Classify(QueryImages.Drawn(index % 3, 10_000 * (client + 1) + index), $"client-{client}-{index}.png"),
            services.ClassifyAsync);
        await UntilAsync(() => services.AllPrinted($"Loaded {ReadyStore.ModelName}@1 on", ReplicatedHostsOnRabbitMq.Embedding)
                && clients.SoFar().Select(request => request.Loop).Distinct().Count() == Clients,
            "every embedding replica serves version 1 and every client got a result");
        var second = services.Store.Serving.GetRequiredService<ModelImporter>().Import(secondImport);
        Assert.Equal(2, second.Id.Version);
        await services.Bus.Publish(new ModelImported(ReadyStore.ModelName, 2, $"{ReadyStore.ModelName}/2"), cancellation);
        var promotedAt = await promotion.Task.WaitAsync(StepTimeout, cancellation)
            ?? throw new InvalidOperationException("ModelPromoted carries no sent time.");
        await UntilAsync(() => services.AllPrinted($"{ReadyStore.ModelName}@2 is now the current version", ReplicatedHostsOnRabbitMq.Embedding),
            "every embedding replica switched to version 2");
        var switchedAt = DateTime.UtcNow;
        await UntilAsync(() => clients.SoFar().Where(request => request.SentAt > switchedAt).GroupBy(request => request.Loop)
                .Count(client => client.Count() >= SecondVersionResultsPerClient) == Clients,
            $"every client got {SecondVersionResultsPerClient} results after the switch");
        var requests = await clients.StopAsync();
        await observer.StopAsync(cancellation);

        Report(requests, promotedAt, switchedAt);
        var unanswered = requests.Where(request => request.Outcome?.Succeeded != true).Select(request => request.Describe()).ToList();
        Assert.True(unanswered.Count == 0, $"{string.Join('\n', unanswered)}\n{services.Diagnostics()}");
        Assert.All(requests, request => Assert.Equal((ReadyStore.ModelName, true), (request.Outcome!.Result!.ModelName, request.Version is 1 or 2)));
        var beforePromotion = requests.Where(request => request.AnsweredAt < promotedAt).ToList();
        Assert.NotEmpty(beforePromotion);
        Assert.All(beforePromotion, request => Assert.True(request.Version == 1, request.Describe()));
        Assert.All(requests.Where(request => request.SentAt > switchedAt), request => Assert.True(request.Version == 2, request.Describe()));
        foreach (var client in requests.GroupBy(request => request.Loop))
        {
            var ordered = client.OrderBy(request => request.Index).ToList();
            Assert.True(ordered[0].Version == 1, ordered[0].Describe());
            var backToFirst = ordered.SkipWhile(request => request.Version == 1).Where(request => request.Version == 1);
            Assert.All(backToFirst, request => Assert.True(request.SentAt < switchedAt, $"back to version 1 after the switch: {request.Describe()}"));
        }
        await AssertNoErrorQueueHoldsAMessageAsync();

        var image = QueryImages.Drawn(2, seed: 77);
        var pinned = await services.ClassifyAsync(Requests.Classify(image, "pinned.png", version: 1));
        var current = await services.ClassifyAsync(Requests.Classify(image, "current.png"));
        Assert.Equal((1, 2), (pinned.Result?.ModelVersion, current.Result?.ModelVersion));
        (await services.Store.ClassifyAsync(image, Requests.Reference(Requests.Classify(image)))).AssertMatches(pinned.Result!);

        services.Store.Serving.GetRequiredService<ModelStore>().Retire(services.Store.Ready.Id);
        await services.Bus.Publish(new ModelRetired(ReadyStore.ModelName, 1), cancellation);
        await UntilAsync(() => services.AllPrinted($"{ReadyStore.ModelName}@1 was retired"), "every worker retired version 1");

        var refused = await services.ClassifyAsync(Requests.Classify(image, "pinned-after-retirement.png", version: 1));
        var failure = Assert.IsType<ImageClassificationFailed>(refused.Failure);
        Assert.Equal((ClassificationFailureKind.ModelNotReady, ServiceNames.Embedding), (failure.Kind, failure.Stage));
        Assert.Equal($"Model {ReadyStore.ModelName}@1 is retired and cannot be served.", failure.Reason);
        var afterRetirement = await services.ClassifyAsync(Requests.Classify(image, "after-retirement.png"));
        Assert.Equal(2, afterRetirement.Result?.ModelVersion);
        var parked = Assert.Single(await services.Broker.TakeAllAsync($"{ServiceNames.Embedding}_error", cancellation));
        Assert.Equal(failure.Reason, parked["MT-Fault-Message"]);
        await AssertNoErrorQueueHoldsAMessageAsync();
        Assert.All(services.Processes, process => Assert.True(process.IsRunning, $"{process.Name} stopped:\n{process.Output}"));
    }

    /// <summary>Version 2's import: the workspace's data with another "fine-tuned" copy of clip-tiny and its own
    /// centroid head, so its results differ from version 1's.</summary>
    private ModelImportRequest SecondFineTunedImport()
    {
        var workspace = services.Store.Workspace;
        var model = Path.Combine(workspace.Root, "fine-tuned-2");
        var head = Path.Combine(workspace.Root, "fine-tuned-2-head.safetensors");
        TinyClip.WritePerturbedCopy(model, seed: 11);
        TinyClip.WriteCentroidHead(model, workspace.Train, TinyWorkspace.ClassNames, head);
        return workspace.Request(ReadyStore.ModelName) with { FineTunedModel = model, FineTunedHead = head };
    }

    private async Task AssertNoErrorQueueHoldsAMessageAsync()
    {
        var queues = await services.Broker.QueuesAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(queues, queue => (queue.Key.EndsWith("_error", StringComparison.Ordinal)
            || queue.Key.EndsWith("_skipped", StringComparison.Ordinal)) && queue.Value > 0);
    }

    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {StepTimeout.TotalSeconds:0} s: {what}.\n{services.Diagnostics()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }

    private static void Report(IReadOnlyList<LoopedRequest> requests, DateTime promotedAt, DateTime switchedAt)
    {
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{requests.Count} requests; ModelPromoted sent {promotedAt:HH:mm:ss.fff}, every embedding replica switched by {switchedAt:HH:mm:ss.fff}");
        foreach (var client in requests.GroupBy(request => request.Loop).OrderBy(client => client.Key))
        {
            output.WriteLine($"client {client.Key}: {string.Concat(client.OrderBy(request => request.Index).Select(request => request.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "x"))}");
        }
    }
}
