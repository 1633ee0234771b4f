using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Hosting;

/// <summary>The gateway's options are checked when it starts, not when the first request needs them.</summary>
public sealed class When_the_gateway_starts
{
    [Theory]
    [InlineData("Gateway:ClassifyTimeoutSeconds", "0", "ClassifyTimeoutSeconds")]
    [InlineData("Gateway:MaxImageBytes", "0", "MaxImageBytes")]
    public void Should_refuse_to_start_with_an_invalid_gateway_option(string key, string value, string member)
    {
        using var gateway = new GatewayApp();
        using var app = gateway.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains(member, error.Message);
    }
}
