using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.ServiceDefaults;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.Faults;

/// <summary>
/// A delivery that never ends, as a confirmed publish can when the connection drops at the wrong moment (RabbitMQ.Client
/// 7.2), must not keep its endpoint down once the broker is back: the endpoint stops within the bus's stop timeouts,
/// starts again, and the message, returned to its queue with the closed channel, is consumed on its redelivery. Real
/// broker: the connections of a virtual host of the test's own are closed with <c>rabbitmqctl</c>.
/// </summary>
public sealed class When_a_delivery_never_ends_and_the_connection_drops
{
    private const string Queue = "stuck-probe";

    [Fact]
    public async Task Should_start_the_endpoint_again_and_consume_the_message_on_its_redelivery()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var broker = await BrokerVirtualHost.CreateAsync(cancellation);
        var attempts = new ProbeAttempts();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "Vrf.Services.Tests",
            EnvironmentName = Environments.Production,
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton(attempts);
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        builder.Services.AddVrfMessageBus(broker.Options, bus => bus.AddConsumer<StuckOnceConsumer>().Endpoint(endpoint => endpoint.Name = Queue));
        using var host = builder.Build();
        await host.StartAsync(cancellation);
        try
        {
            var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{Queue}"));
            await endpoint.Send(new StuckProbe(Guid.NewGuid()), cancellation);
            await attempts.FirstStarted.WaitAsync(TimeSpan.FromSeconds(30), cancellation);

            await broker.Control.RunAsync(cancellation, "close_all_connections", "--vhost", broker.Name, "--limit", "100",
                "the connection drops under a delivery that never ends");

            await attempts.Consumed.WaitAsync(TimeSpan.FromMinutes(2), cancellation);
            Assert.Equal(2, attempts.Count);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await broker.QueueStatesAsync(cancellation))[Queue] is { Consumers: 0 } or { Messages: > 0 })
            {
                Assert.True(DateTime.UtcNow < deadline, $"{Queue}: {(await broker.QueueStatesAsync(cancellation))[Queue]}");
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
            }
        }
        finally
        {
            attempts.ReleaseStuck();
            await host.StopAsync(CancellationToken.None);
        }
    }

    public sealed record StuckProbe(Guid Id);

    /// <summary>The first delivery never ends, not even when it is cancelled; the next is consumed.</summary>
    public sealed class StuckOnceConsumer(ProbeAttempts attempts) : IConsumer<StuckProbe>
    {
        public Task Consume(ConsumeContext<StuckProbe> context) => attempts.Attempt();
    }

    public sealed class ProbeAttempts
    {
        private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stuck = new();
        private int _count;

        public Task FirstStarted => _firstStarted.Task;

        public Task Consumed => _consumed.Task;

        public int Count => Volatile.Read(ref _count);

        public Task Attempt()
        {
            if (Interlocked.Increment(ref _count) == 1)
            {
                _firstStarted.SetResult();
                return Task.Delay(Timeout.Infinite, _stuck.Token);
            }
            _consumed.TrySetResult();
            return Task.CompletedTask;
        }

        /// <summary>Lets the stuck delivery end, so that the host stops without waiting for it.</summary>
        public void ReleaseStuck() => _stuck.Cancel();
    }
}
