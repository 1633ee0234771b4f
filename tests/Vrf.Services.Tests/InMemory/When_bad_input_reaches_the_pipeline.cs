using MassTransit;
using MassTransit.Testing;
using Vrf.Contracts;
using Vrf.ServiceDefaults;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.InMemory;

public sealed class When_bad_input_reaches_the_pipeline(ReadyStore store) : IClassFixture<ReadyStore>, IAsyncLifetime
{
    private InMemoryPipeline _pipeline = null!;

    /// <summary>Classify requests the embedding service must refuse, a phrase its reason must contain, and its kind.</summary>
    public static TheoryData<string, string, ClassificationFailureKind> BadRequests => new()
    {
        { "truncated png", "corrupt or truncated", ClassificationFailureKind.InvalidImage },
        { "empty file", "the input is empty", ClassificationFailureKind.InvalidImage },
        { "text file", "not a supported image format", ClassificationFailureKind.InvalidImage },
        { "20000x20000 png", "decompression bomb", ClassificationFailureKind.InvalidImage },
        { "unknown model", "no model 'nobody'", ClassificationFailureKind.UnknownModel },
        { "unknown version", "has no version 9", ClassificationFailureKind.UnknownModel },
        { "invalid model name", "not a valid model name", ClassificationFailureKind.InvalidInput },
        { "top-k of zero", "ask for at least 1 class", ClassificationFailureKind.InvalidInput },
        { "OSE alpha above 1", "it must lie in [0, 1]", ClassificationFailureKind.InvalidInput },
    };

    public async ValueTask InitializeAsync() => _pipeline = await InMemoryPipeline.StartAsync(store.Root);

    public ValueTask DisposeAsync() => _pipeline.DisposeAsync();

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Should_answer_the_sender_with_the_reason_and_kind_and_fault_the_request_once(string input, string reason,
        ClassificationFailureKind kind)
    {
        var request = BadRequest(input);

        var outcome = await _pipeline.ClassifyAsync(request);

        var failure = Assert.IsType<ImageClassificationFailed>(outcome.Failure);
        Assert.Equal((request.RequestId, request.ModelName, ServiceNames.Embedding), (failure.RequestId, failure.ModelName, failure.Stage));
        Assert.Contains(reason, failure.Reason);
        Assert.Equal(kind, failure.Kind);
        var fault = await FaultOf<ClassifyImage>(request.RequestId, message => message.RequestId);
        Assert.Equal(failure.Reason, Assert.Single(fault.Exceptions).Message);
        Assert.Equal(typeof(UnprocessableMessageException).FullName, fault.Exceptions[0].ExceptionType);
    }

    [Fact]
    public async Task Should_keep_serving_good_images_while_refusing_bad_ones()
    {
        var bad = Enumerable.Range(0, 4).Select(_ => _pipeline.ClassifyAsync(Requests.Classify(QueryImages.Text(), "notes.txt"))).ToList();
        var good = Enumerable.Range(0, 4).Select(seed => _pipeline.ClassifyAsync(Requests.Classify(QueryImages.Drawn(seed % 3, seed), "good.png"))).ToList();

        Assert.All(await Task.WhenAll(bad), outcome => Assert.False(outcome.Succeeded));
        Assert.All(await Task.WhenAll(good), outcome => Assert.True(outcome.Succeeded, outcome.Failure?.Reason));
    }

    [Fact]
    public async Task A_feature_of_the_wrong_size_is_refused_by_the_failure_index()
    {
        var embedded = new ImageEmbedded(Guid.NewGuid(), ReadyStore.ModelName, store.Ready.Id.Version, [1, 2, 3], [3, 2, 1],
            new float[store.Ready.Manifest.EmbeddingDim + 1], EnsembleMode.Vrf, null, 3, 0, []);

        await _pipeline.Harness.Bus.Publish(embedded, TestContext.Current.CancellationToken);

        var failure = await _pipeline.FailureOfAsync(embedded.RequestId);
        Assert.Equal((ReadyStore.ModelName, ServiceNames.FailureIndex), (failure.ModelName, failure.Stage));
        Assert.Contains($"indexes {store.Ready.Manifest.EmbeddingDim}-dimensional features, but a query has {store.Ready.Manifest.EmbeddingDim + 1}", failure.Reason);
        Assert.Equal(ClassificationFailureKind.InvalidInput, failure.Kind);
        var fault = await FaultOf<ImageEmbedded>(embedded.RequestId, message => message.RequestId);
        Assert.Equal(failure.Reason, fault.Exceptions[0].Message);
    }

    [Fact]
    public async Task Logits_of_the_wrong_size_are_refused_by_the_scorer()
    {
        var measured = new FailureDistanceMeasured(Guid.NewGuid(), ReadyStore.ModelName, store.Ready.Id.Version, [1, 2], [3, 2, 1],
            0.5, store.Ready.Parameters.K, [], EnsembleMode.Vrf, null, 3, []);

        await _pipeline.Harness.Bus.Publish(measured, TestContext.Current.CancellationToken);

        var failure = await _pipeline.FailureOfAsync(measured.RequestId);
        Assert.Equal((ReadyStore.ModelName, ServiceNames.Scorer), (failure.ModelName, failure.Stage));
        Assert.Contains("has 3 classes but the logits have 2 (zero-shot) and 3 (fine-tuned) values", failure.Reason);
        Assert.Equal(ClassificationFailureKind.InvalidInput, failure.Kind);
        var fault = await FaultOf<FailureDistanceMeasured>(measured.RequestId, message => message.RequestId);
        Assert.Equal(failure.Reason, fault.Exceptions[0].Message);
    }

    private static ClassifyImage BadRequest(string input) => input switch
    {
        "truncated png" => Requests.Classify(QueryImages.TruncatedPng(), "cut.png"),
        "empty file" => Requests.Classify(QueryImages.Empty(), "empty.png"),
        "text file" => Requests.Classify(QueryImages.Text(), "notes.txt"),
        "20000x20000 png" => Requests.Classify(QueryImages.DecompressionBomb(), "bomb.png"),
        "unknown model" => Requests.Classify(QueryImages.Drawn(0, 1), model: "nobody"),
        "unknown version" => Requests.Classify(QueryImages.Drawn(0, 1), version: 9),
        "invalid model name" => Requests.Classify(QueryImages.Drawn(0, 1), model: "Not A Name"),
        "top-k of zero" => Requests.Classify(QueryImages.Drawn(0, 1)) with { TopK = 0 },
        "OSE alpha above 1" => Requests.Classify(QueryImages.Drawn(0, 1)) with { EnsembleMode = EnsembleMode.OutputSpace, OseAlpha = 1.5 },
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
    };

    private async Task<Fault<T>> FaultOf<T>(Guid requestId, Func<T, Guid> requestOf)
        where T : class
    {
        Assert.True(await _pipeline.Harness.Published.Any<Fault<T>>(
            fault => requestOf(fault.Context.Message.Message) == requestId, TestContext.Current.CancellationToken),
            $"no Fault<{typeof(T).Name}> was published for request {requestId}");
        return Assert.Single(_pipeline.PublishedSoFar<Fault<T>>(), fault => requestOf(fault.Message) == requestId);
    }
}
