namespace Vrf.ServiceDefaults;

/// <summary>The broker a service's message bus runs on.</summary>
public enum MessageBusTransport
{
    /// <summary>A RabbitMQ broker: the deployed services, each in its own process.</summary>
    RabbitMq,

    /// <summary>MassTransit's in-process transport: every service in one process (the CLI's embedded mode, tests).</summary>
    InMemory,
}
