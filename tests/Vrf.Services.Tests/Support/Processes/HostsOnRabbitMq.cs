using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>The deployed topology on one machine: the embedding, failure-index and two scorer hosts, one process each.</summary>
public sealed class HostsOnRabbitMq : ServicesOnRabbitMq
{
    protected override void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started)
    {
        var environment = ServiceEnvironment(broker);
        started(ServiceProcess.Start(ServiceNames.Embedding, HostAssemblies.Embedding, environment));
        started(ServiceProcess.Start(ServiceNames.FailureIndex, HostAssemblies.FailureIndex, environment));
        started(ServiceProcess.Start($"{ServiceNames.Scorer}-1", HostAssemblies.Scorer, environment));
        started(ServiceProcess.Start($"{ServiceNames.Scorer}-2", HostAssemblies.Scorer, environment));
    }
}
