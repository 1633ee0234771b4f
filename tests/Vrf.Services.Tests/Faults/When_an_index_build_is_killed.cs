using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.Faults;

/// <summary>
/// The failure-index host is killed with SIGKILL as soon as a new version's build is asked for (its
/// <see cref="ModelImported"/> already acknowledged); a new host started after it takes the build the dead one left
/// and promotes the version: it never stays indexing with nobody working on it.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class When_an_index_build_is_killed(ClientBeforeServicesOnRabbitMq services) : IClassFixture<ClientBeforeServicesOnRabbitMq>
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Small batches, so that the build is still running when the host is killed.</summary>
    private static readonly Dictionary<string, string> SlowBuild = new() { ["Inference__BatchSize"] = "1" };

    [Fact]
    public async Task Should_be_taken_again_by_the_next_host_and_end_ready()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var store = services.Store.Serving.GetRequiredService<ModelStore>();
        var host = await services.StartServiceAsync(ServiceNames.FailureIndex, HostAssemblies.FailureIndex, SlowBuild);
        var imported = services.Store.Serving.GetRequiredService<ModelImporter>().Import(services.Store.Workspace.Request(ReadyStore.ModelName));
        await services.Bus.Publish(new ModelImported(ReadyStore.ModelName, imported.Id.Version, $"{ReadyStore.ModelName}/{imported.Id.Version}"),
            cancellation);

        var requests = new IndexBuildRequests(store);
        await Eventually.WaitUntilAsync(() => requests.Waiting().Contains(imported.Id), StepTimeout);
        host.Kill();
        Assert.True(store.Get(imported.Id).Status == ModelStatus.Indexing, $"the build ended before its host was killed\n{services.Diagnostics()}");
        await services.StartServiceAsync($"{ServiceNames.FailureIndex}-replacement", HostAssemblies.FailureIndex);

        await services.Events.WaitForAsync<ModelPromoted>(promoted => promoted.Version == imported.Id.Version, StepTimeout, services.Diagnostics);
        Assert.Equal(ModelStatus.Ready, store.Get(imported.Id).Status);
        // The builder ends the request just after it announced the promotion.
        await Eventually.WaitUntilAsync(() => requests.Waiting().Count == 0, StepTimeout);
        var queues = await services.Broker.QueueStatesAsync(cancellation);
        Assert.DoesNotContain(queues, queue => queue.Key.EndsWith("_error", StringComparison.Ordinal) && queue.Value.Messages > 0);
    }
}
