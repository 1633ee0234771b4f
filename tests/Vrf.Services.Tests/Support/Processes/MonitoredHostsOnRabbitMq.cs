using System.Globalization;
using Vrf.Services.Tests.InMemory;
using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>
/// The classify pipeline's hosts and two replicas of the monitor's host, one process each, on a store whose version
/// recorded a validation distribution of 120 images; the monitors' windows hold 200 results.
/// </summary>
public sealed class MonitoredHostsOnRabbitMq() : ServicesOnRabbitMq(new MonitoredStore())
{
    public const int MonitorReplicas = 2;

    protected override void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started)
    {
        var environment = ServiceEnvironment(broker);
        environment["DriftWindow__Capacity"] = When_traffic_is_watched_for_drift_in_memory.WindowSize.ToString(CultureInfo.InvariantCulture);
        started(ServiceProcess.Start(ServiceNames.Embedding, HostAssemblies.Embedding, environment));
        started(ServiceProcess.Start(ServiceNames.FailureIndex, HostAssemblies.FailureIndex, environment));
        started(ServiceProcess.Start(ServiceNames.Scorer, HostAssemblies.Scorer, environment));
        for (var replica = 1; replica <= MonitorReplicas; replica++)
        {
            started(ServiceProcess.Start($"{ServiceNames.Monitor}-{replica}", HostAssemblies.Monitor, environment));
        }
    }
}
