using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Messaging.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.RabbitMq;

public sealed class When_a_classify_request_travels_over_RabbitMQ
{
    [Fact]
    public async Task Should_reach_the_consumer_with_identical_content()
    {
        using var deadline = TestDeadline.After(TimeSpan.FromMinutes(2));
        await using var broker = await RabbitMqBroker.ConnectAsync();
        var queue = RabbitMqBroker.UniqueQueueName("classify");
        try
        {
            var builder = TestHosts.CreateBuilder();
            var options = RabbitMqBroker.Options;
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bus:Host"] = options.Host,
                ["Bus:Port"] = options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Bus:Username"] = options.Username,
                ["Bus:Password"] = options.Password,
            });
            builder.Services.AddVrfMessageBus(builder.Configuration, bus => bus
                .AddConsumer<ClassifyImageRecorder>()
                .Endpoint(endpoint =>
                {
                    endpoint.Name = queue;
                    endpoint.Temporary = true;
                }));
            using var host = builder.Build();
            await host.StartAsync(deadline.Token);
            var request = SampleMessages.ClassifyImage();
            try
            {
                await host.Services.GetRequiredService<IBus>().Publish(request, deadline.Token);

                var received = await host.Services.GetRequiredService<ReceivedMessages<ClassifyImage>>()
                    .WaitForAsync(message => message.RequestId == request.RequestId, $"the classify request on queue {queue}");
                Assert.Equivalent(request, received, strict: true);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            await broker.DeleteEndpointsAsync(queue);
        }
    }
}
