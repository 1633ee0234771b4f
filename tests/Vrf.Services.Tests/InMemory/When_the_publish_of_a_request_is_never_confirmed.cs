using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.InMemory;

/// <summary>
/// A publish whose confirm never comes (as when the connection drops while it waits: RabbitMQ.Client may then never
/// complete it) does not leave its request waiting until the client's timeout: the client gives the attempt up after
/// <c>ClassificationClient:PublishAttemptTimeout</c> and publishes the request again.
/// </summary>
public sealed class When_the_publish_of_a_request_is_never_confirmed(ReadyStore store) : IClassFixture<ReadyStore>, IAsyncLifetime
{
    private readonly FirstPublishNeverConfirmed _publishes = new();
    private InMemoryPipeline _pipeline = null!;

    public async ValueTask InitializeAsync() =>
        _pipeline = await InMemoryPipeline.StartAsync(store.Root,
            new Dictionary<string, string?> { ["ClassificationClient:PublishAttemptTimeout"] = "00:00:01" },
            services => services.AddPublishObserver(_ => _publishes));

    public ValueTask DisposeAsync() => _pipeline.DisposeAsync();

    [Fact]
    public async Task Should_publish_it_again_and_classify_it()
    {
        var request = Requests.Classify(QueryImages.Drawn(1, seed: 31), "drawn.png");

        var result = await _pipeline.ClassifiedAsync(request);

        Assert.Equal(request.RequestId, result.RequestId);
        Assert.Equal(2, _publishes.Attempts);
    }

    /// <summary>Holds the first <see cref="ClassifyImage"/> publish until its caller gives it up.</summary>
    private sealed class FirstPublishNeverConfirmed : IPublishObserver
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task PrePublish<T>(PublishContext<T> context)
            where T : class =>
            context.Message is ClassifyImage && Interlocked.Increment(ref _attempts) == 1
                ? Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken)
                : Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
