using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>
/// The embedding, failure-index and scorer hosts, one process each, on a RabbitMQ node of the test's own
/// (<see cref="DedicatedRabbitMqNode"/>), so that a test may stop and restart the broker without touching the machine's
/// shared one.
/// </summary>
public sealed class PipelineOnADedicatedBroker : ServicesOnRabbitMq
{
    private DedicatedRabbitMqNode? _node;

    public DedicatedRabbitMqNode Node => _node ?? throw new InvalidOperationException("The broker is not started.");

    /// <summary>Long enough for a request to wait out two outages back to back on a loaded machine (a node's stop and
    /// start alone has taken over a minute here).</summary>
    protected override TimeSpan ResultTimeout => TimeSpan.FromMinutes(4);

    protected override async Task<BrokerVirtualHost> CreateBrokerAsync(CancellationToken cancellationToken)
    {
        _node = await DedicatedRabbitMqNode.StartAsync(cancellationToken);
        return await BrokerVirtualHost.CreateAsync(_node.Control, _node.Address, cancellationToken);
    }

    protected override void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started)
    {
        var environment = ServiceEnvironment(broker);
        started(ServiceProcess.Start(ServiceNames.Embedding, HostAssemblies.Embedding, environment));
        started(ServiceProcess.Start(ServiceNames.FailureIndex, HostAssemblies.FailureIndex, environment));
        started(ServiceProcess.Start(ServiceNames.Scorer, HostAssemblies.Scorer, environment));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_node is not null)
        {
            await _node.DisposeAsync();
            _node = null;
        }
    }
}
