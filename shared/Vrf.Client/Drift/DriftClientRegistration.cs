using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vrf.Client;

/// <summary>Registers the drift client: call from the bus registration of a process that reads the monitor's windows.</summary>
public static class DriftClientRegistration
{
    /// <remarks>
    /// The request goes to the exchange the monitor's endpoint binds to its queue, not to <c>queue:monitor</c>: a send to
    /// a queue address declares the queue, and RabbitMQ refuses a declaration without the single-active-consumer
    /// argument the monitor declared it with, so the request would never reach it.
    /// </remarks>
    public static void AddDriftClient(this IBusRegistrationConfigurator bus)
    {
        bus.AddRequestClient<Contracts.CheckModelDrift>(new Uri($"exchange:{DriftClient.MonitorQueue}"));
        bus.TryAddScoped<DriftClient>();
    }
}
