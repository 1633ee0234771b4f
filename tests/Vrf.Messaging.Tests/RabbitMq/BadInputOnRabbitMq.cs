using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Messaging.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.RabbitMq;

/// <summary>
/// Sends one classify request that its consumer rejects as bad input, on a live RabbitMQ, and records what followed:
/// the attempts, the published faults and the endpoint's error queue, once everything has had time to loop if it would.
/// </summary>
public sealed class BadInputOnRabbitMq : IAsyncLifetime
{
    private static readonly TimeSpan TimeToLoop = TimeSpan.FromSeconds(3);

    private readonly string _queue = RabbitMqBroker.UniqueQueueName("reject");
    private readonly string _faultQueue = RabbitMqBroker.UniqueQueueName("faults");
    private RabbitMqBroker? _broker;

    public ClassifyImage Request { get; } = SampleMessages.ClassifyImage();

    public int Attempts { get; private set; }

    public IReadOnlyList<Fault<ClassifyImage>> Faults { get; private set; } = [];

    public IReadOnlyList<IReadOnlyDictionary<string, string>> ErrorQueueHeaders { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        using var deadline = TestDeadline.After(TimeSpan.FromMinutes(2));
        _broker = await RabbitMqBroker.ConnectAsync();
        var builder = TestHosts.CreateBuilder();
        builder.Services.AddVrfMessageBus(RabbitMqBroker.Options, bus =>
        {
            // Durable like a service's endpoint, so its error queue outlives the connection and can be inspected
            // from another one; the queues expire on their own should the clean-up below never run. Not bound to
            // the classify requests that others publish on this broker: it gets only the one sent to it.
            bus.AddConsumer<CorruptImageRejecter>().Endpoint(endpoint =>
            {
                endpoint.Name = _queue;
                endpoint.ConfigureConsumeTopology = false;
                endpoint.AddConfigureEndpointCallback(configurator =>
                    ((IRabbitMqReceiveEndpointConfigurator)configurator).QueueExpiration = TimeSpan.FromMinutes(5));
            });
            bus.AddConsumer<FaultRecorder>().Endpoint(endpoint =>
            {
                endpoint.Name = _faultQueue;
                endpoint.Temporary = true;
            });
        });
        using var host = builder.Build();
        await host.StartAsync(deadline.Token);
        try
        {
            // Straight to the endpoint's own exchange, so no other consumer of classify requests on this broker sees it.
            var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{_queue}"));
            await endpoint.Send(Request, deadline.Token);
            var faults = host.Services.GetRequiredService<ReceivedMessages<Fault<ClassifyImage>>>();
            await faults.WaitForAsync(fault => fault.Message.RequestId == Request.RequestId, $"the fault of the request sent to {_queue}");
            await Task.Delay(TimeToLoop, deadline.Token);

            Attempts = host.Services.GetRequiredService<ConsumeAttempts>().Of(Request.RequestId);
            Faults = faults.Matching(fault => fault.Message.RequestId == Request.RequestId);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
        ErrorQueueHeaders = await _broker.TakeAllAsync($"{_queue}_error");
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DeleteEndpointsAsync(_queue, _faultQueue);
            await _broker.DisposeAsync();
        }
    }
}
