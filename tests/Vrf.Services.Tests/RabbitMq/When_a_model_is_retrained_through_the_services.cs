using Vrf.Contracts;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.RabbitMq;

/// <summary>The whole retrain flow through RabbitMQ with every service a process of its own: a retrain request becomes
/// a trained version, the failure-index service indexes and promotes it, and classify requests are then served by it.</summary>
[Collection(nameof(ProcessTests))]
public sealed class When_a_model_is_retrained_through_the_services(RetrainHostsOnRabbitMq services) : IClassFixture<RetrainHostsOnRabbitMq>
{
    private static readonly TimeSpan FlowTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Should_promote_the_trained_version_and_serve_classify_requests_with_it()
    {
        var before = await services.ClassifyAsync(Requests.Classify(QueryImages.Drawn(0, 400), "before.png"));
        Assert.True(before.Succeeded, $"{before.Failure?.Reason}\n{services.Diagnostics()}");
        Assert.Equal(services.Store.Ready.Id.Version, before.Result!.ModelVersion);
        var request = new RetrainModel(Guid.NewGuid(), ReadyStore.ModelName, null, services.Store.Workspace.Train,
            services.Store.Workspace.Validation, Epochs: 2, BatchSize: 6, Seed: 2);

        await services.Bus.Publish(request, TestContext.Current.CancellationToken);
        var trained = await services.Events.WaitForAsync<ModelTrained>(done => done.JobId == request.JobId, FlowTimeout, services.Diagnostics);
        await services.Events.WaitForAsync<ModelPromoted>(
            promoted => promoted.ModelName == trained.ModelName && promoted.Version == trained.Version, FlowTimeout, services.Diagnostics);

        Assert.Equal(services.Store.Ready.Id.Version + 1, trained.Version);
        var bundle = new ModelStore(services.Store.Root).Get(new ModelVersionId(trained.ModelName, trained.Version));
        Assert.Equal(ModelStatus.Ready, bundle.Status);
        Assert.Equal(request.JobId, bundle.Manifest.Training?.JobId);
        Assert.Equal(trained.Version, await FirstVersionServedAfterAsync(trained.Version));
        Assert.Empty(services.Events.All<ModelIndexingFailed>());
    }

    /// <summary>Classifies until a result comes from <paramref name="version"/>: each worker switches once it has loaded
    /// the promoted version, so the first requests after the promotion may still get the previous one (and must succeed).</summary>
    private async Task<int> FirstVersionServedAfterAsync(int version)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        for (var i = 0; ; i++)
        {
            var outcome = await services.ClassifyAsync(Requests.Classify(QueryImages.Drawn(i % 3, 401 + i), $"after-{i}.png"));
            Assert.True(outcome.Succeeded, $"{outcome.Failure?.Reason}\n{services.Diagnostics()}");
            if (outcome.Result!.ModelVersion == version || deadline.IsCancellationRequested)
            {
                return outcome.Result.ModelVersion;
            }
            Assert.Equal(services.Store.Ready.Id.Version, outcome.Result.ModelVersion);
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }
}
