using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Messaging.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.Tls;

/// <summary>
/// A <c>rabbitmqs://</c> bus against a real RabbitMQ node that speaks TLS only: with the authority of
/// <c>Bus:Tls:CaCertificate</c> a message travels; a broker whose certificate chains to no trusted authority, or that
/// is reached by a name its certificate does not carry, is never connected to.
/// </summary>
public sealed class When_the_bus_speaks_TLS(TlsBroker broker) : IClassFixture<TlsBroker>
{
    [Fact]
    public async Task Should_carry_a_message_to_a_broker_whose_certificate_the_configured_authority_signed()
    {
        using var deadline = TestDeadline.After(TimeSpan.FromMinutes(2));
        using var host = Build(broker.Address, broker.AuthorityFile, out var queue);
        await host.StartAsync(deadline.Token);
        try
        {
            var request = SampleMessages.ClassifyImage();
            await host.Services.GetRequiredService<IBus>().Publish(request, deadline.Token);

            var received = await host.Services.GetRequiredService<ReceivedMessages<ClassifyImage>>()
                .WaitForAsync(message => message.RequestId == request.RequestId, $"the classify request on queue {queue} over TLS");
            Assert.Equivalent(request, received, strict: true);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Should_not_connect_to_a_broker_whose_certificate_no_trusted_authority_signed()
    {
        await AssertRefusedAsync(Build(broker.Address, authorityFile: null, out _));
    }

    [Fact]
    public async Task Should_not_connect_to_a_broker_reached_by_a_name_its_certificate_does_not_carry()
    {
        await AssertRefusedAsync(Build(broker.Address.Replace("@localhost:", "@127.0.0.1:", StringComparison.Ordinal), broker.AuthorityFile, out _));
    }

    [Fact]
    public void Should_name_an_authority_file_that_cannot_be_read()
    {
        using var host = Build(broker.Address, "/nonexistent/ca.pem", out _);

        var error = Assert.ThrowsAny<Exception>(() => host.Services.GetRequiredService<IBusControl>());

        Assert.Contains("Bus:Tls:CaCertificate '/nonexistent/ca.pem' cannot be read as a PEM certificate", Messages(error));
    }

    /// <summary>The bus starts without connecting: its start fails (or times out) rather than reaching the broker.</summary>
    private static async Task AssertRefusedAsync(Microsoft.Extensions.Hosting.IHost host)
    {
        using (host)
        {
            using var deadline = TestDeadline.After(TimeSpan.FromMinutes(2));
            await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(deadline.Token));
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static Microsoft.Extensions.Hosting.IHost Build(string address, string? authorityFile, out string queue)
    {
        var builder = TestHosts.CreateBuilder();
        builder.Services.Configure<MassTransitHostOptions>(host => host.StartTimeout = TimeSpan.FromSeconds(20));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Tls:CaCertificate"] = authorityFile,
        });
        var name = RabbitMqBroker.UniqueQueueName("tls");
        queue = name;
        builder.Services.AddVrfMessageBus(MessageBusOptions.Parse(address), bus => bus
            .AddConsumer<ClassifyImageRecorder>()
            .Endpoint(endpoint =>
            {
                endpoint.Name = name;
                endpoint.Temporary = true;
            }));
        return builder.Build();
    }

    private static string Messages(Exception error) =>
        error.InnerException is null ? error.Message : $"{error.Message} {Messages(error.InnerException)}";
}
