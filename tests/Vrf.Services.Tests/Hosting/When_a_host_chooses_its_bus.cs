using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vrf.ServiceDefaults;

namespace Vrf.Services.Tests.Hosting;

public sealed class When_a_host_chooses_its_bus
{
    [Fact]
    public void Should_take_the_Bus_section_when_VRF_BUS_is_not_set()
    {
        var bus = BusOf(new() { ["Bus:Host"] = "rabbitmq.internal", ["Bus:VirtualHost"] = "vrf" });

        Assert.Equal((MessageBusTransport.RabbitMq, "rabbitmq.internal", "vrf"), (bus.Transport, bus.Host, bus.VirtualHost));
    }

    [Fact]
    public void Should_take_VRF_BUS_over_the_Bus_section()
    {
        var bus = BusOf(new() { ["Bus:Host"] = "rabbitmq.internal", ["VRF_BUS"] = "rabbitmq://svc:secret@broker:5673/prod" });

        Assert.Equal((MessageBusTransport.RabbitMq, "broker", 5673, "prod", "svc"), (bus.Transport, bus.Host, bus.Port, bus.VirtualHost, bus.Username));
    }

    [Fact]
    public void Should_run_in_memory_when_VRF_BUS_says_so()
    {
        Assert.Equal(MessageBusTransport.InMemory, BusOf(new() { ["VRF_BUS"] = "memory" }).Transport);
    }

    private static MessageBusOptions BusOf(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceModules([ServiceCatalog.Scorer]);
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<MessageBusOptions>>().Value;
    }
}
