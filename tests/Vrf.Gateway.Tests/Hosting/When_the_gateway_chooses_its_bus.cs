using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Gateway.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Gateway.Tests.Hosting;

/// <summary>
/// The gateway's real host, with its real bus (no test harness): <c>VRF_BUS</c> names the whole bus in one value and
/// wins over the <c>Bus</c> section, as it does for every other host.
/// </summary>
public sealed class When_the_gateway_chooses_its_bus
{
    [Fact]
    public void Should_run_on_the_bus_VRF_BUS_names_rather_than_the_Bus_section()
    {
        using var store = new TestModelStore(empty: true);
        using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(Environments.Production);
            builder.UseSetting(MessageBusOptions.AddressKey, "memory");
            builder.UseSetting($"{MessageBusOptions.SectionName}:{nameof(MessageBusOptions.Host)}", "no-such-broker.invalid");
            builder.UseSetting("ModelStore:Root", store.Root);
            builder.UseSetting(OpenTelemetryExtensions.OtlpEndpointKey, "");
            builder.UseSetting("Gateway:AllowAnonymous", "true");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });

        var services = gateway.Services;

        Assert.Equal(MessageBusTransport.InMemory, services.GetRequiredService<IOptions<MessageBusOptions>>().Value.Transport);
        Assert.Equal("loopback", services.GetRequiredService<IBus>().Address.Scheme);
    }
}
