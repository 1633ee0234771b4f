using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vrf.Client;

/// <summary>Registers the drift client: call from the bus registration of a process that reads the monitor's windows.</summary>
public static class DriftClientRegistration
{
    public static void AddDriftClient(this IBusRegistrationConfigurator bus)
    {
        bus.AddRequestClient<Contracts.CheckModelDrift>(new Uri($"queue:{DriftClient.MonitorQueue}"));
        bus.TryAddScoped<DriftClient>();
    }
}
