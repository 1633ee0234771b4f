using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>A client on a virtual host where no service has run yet: the test starts the services when it wants them
/// (<see cref="ServicesOnRabbitMq.StartServiceAsync"/>).</summary>
public sealed class ClientBeforeServicesOnRabbitMq : ServicesOnRabbitMq
{
    protected override void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started)
    {
    }
}
