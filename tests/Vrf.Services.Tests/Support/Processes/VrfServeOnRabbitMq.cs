using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>All three services in one <c>vrf serve</c> process, given the bus and the store on its command line.</summary>
public sealed class VrfServeOnRabbitMq : ServicesOnRabbitMq
{
    protected override void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started) =>
        started(ServiceProcess.Start("vrf serve", Path.Combine(AppContext.BaseDirectory, "vrf.dll"), new Dictionary<string, string>(),
            "serve", "--bus", broker.Address, "--store", Store.Root));
}
