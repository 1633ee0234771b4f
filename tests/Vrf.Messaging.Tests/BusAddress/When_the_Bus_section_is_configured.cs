using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vrf.Messaging.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.BusAddress;

public sealed class When_the_Bus_section_is_configured
{
    [Fact]
    public void Should_bind_every_key_from_environment_style_names()
    {
        var builder = TestHosts.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:Host"] = "rabbitmq",
            ["Bus:Port"] = "5673",
            ["Bus:VirtualHost"] = "vrf",
            ["Bus:Username"] = "worker",
            ["Bus:Password"] = "s3cret",
        });
        builder.Services.AddVrfMessageBus(builder.Configuration);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<MessageBusOptions>>().Value;

        Assert.Equal("rabbitmq://worker@rabbitmq:5673/vrf", options.ToString());
        Assert.Equal("s3cret", options.Password);
    }

    [Theory]
    [InlineData("Bus:Port", "0", "Port")]
    [InlineData("Bus:Host", "", "Host")]
    [InlineData("Bus:Password", "", "Password")]
    public async Task Should_refuse_to_start_with_an_invalid_value(string key, string value, string member)
    {
        var builder = TestHosts.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddVrfMessageBus(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(member, error.Message);
    }

    [Fact]
    public void Should_refuse_invalid_options_given_directly()
    {
        var builder = TestHosts.CreateBuilder();
        var options = new MessageBusOptions { Port = 70000 };

        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => builder.Services.AddVrfMessageBus(options));
    }
}
