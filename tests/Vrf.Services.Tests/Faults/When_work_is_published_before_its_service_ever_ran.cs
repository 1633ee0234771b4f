using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.ServiceDefaults;
using Vrf.Serving.Import;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.Faults;

/// <summary>
/// On a virtual host where no service ever ran, a client publishes a new version's <see cref="ModelImported"/> and a
/// <see cref="ClassifyImage"/>; the services then start one at a time, each only once the work for it waits in its
/// queue. RabbitMQ drops a message that no queue is bound to, so the work survives only because its publisher declared
/// the queue its service takes it from (<see cref="WorkQueues"/>): the import is indexed and promoted, and the request
/// is classified once its last service is up.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class When_work_is_published_before_its_service_ever_ran(ClientBeforeServicesOnRabbitMq services)
    : IClassFixture<ClientBeforeServicesOnRabbitMq>
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Should_keep_it_in_its_queue_until_the_service_starts_and_takes_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var imported = services.Store.Serving.GetRequiredService<ModelImporter>().Import(services.Store.Workspace.Request(ReadyStore.ModelName));
        await services.Bus.Publish(new ModelImported(ReadyStore.ModelName, imported.Id.Version, $"{ReadyStore.ModelName}/{imported.Id.Version}"),
            cancellation);
        var classified = services.ClassifyAsync(Requests.Classify(QueryImages.Drawn(1, seed: 31), version: 1));

        await UntilWaitingAsync(WorkQueues.FailureIndexBuilds);
        await UntilWaitingAsync(WorkQueues.Embedding);
        await services.StartServiceAsync(ServiceNames.Embedding, HostAssemblies.Embedding);
        await UntilWaitingAsync(WorkQueues.FailureIndex);
        await services.StartServiceAsync(ServiceNames.FailureIndex, HostAssemblies.FailureIndex);
        await UntilWaitingAsync(WorkQueues.Scorer);
        await services.StartServiceAsync(ServiceNames.Scorer, HostAssemblies.Scorer);

        var outcome = await classified.WaitAsync(StepTimeout, cancellation);
        Assert.True(outcome.Succeeded, $"{outcome.Failure?.Stage}: {outcome.Failure?.Reason}\n{services.Diagnostics()}");
        Assert.Equal(1, outcome.Result!.ModelVersion);
        var promoted = await services.Events.WaitForAsync<ModelPromoted>(
            message => message is { ModelName: ReadyStore.ModelName } && message.Version == imported.Id.Version, StepTimeout, services.Diagnostics);
        Assert.Equal(imported.Id.Version, promoted.Version);
        Assert.Equal(ModelStatus.Ready, services.Store.Serving.GetRequiredService<ModelStore>().Get(imported.Id).Status);
        var queues = await services.Broker.QueueStatesAsync(cancellation);
        Assert.DoesNotContain(queues, queue => (queue.Key.EndsWith("_error", StringComparison.Ordinal)
            || queue.Key.EndsWith("_skipped", StringComparison.Ordinal)) && queue.Value.Messages > 0);
    }

    /// <summary>Waits until the queue holds a message and no service consumes it.</summary>
    private async Task UntilWaitingAsync(string queue)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        BrokerVirtualHost.QueueState? state = null;
        while (DateTime.UtcNow < deadline)
        {
            if ((await services.Broker.QueueStatesAsync(TestContext.Current.CancellationToken)).TryGetValue(queue, out state)
                && state is { Ready: > 0, Consumers: 0 })
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
        Assert.Fail($"No message waited in queue '{queue}' (last seen: {state?.ToString() ?? "no such queue"}).\n{services.Diagnostics()}");
    }
}
