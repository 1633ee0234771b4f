using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Security;

/// <summary>A gateway that could not tell its callers apart, or whose keys are unusable, refuses to start.</summary>
public sealed class When_the_gateway_would_start_open
{
    [Fact]
    public void Should_refuse_to_start_without_keys_or_an_issuer_unless_anonymous_use_is_allowed()
    {
        using var gateway = new GatewayApp();
        using var app = gateway.WithWebHostBuilder(builder => builder.UseSetting("Gateway:AllowAnonymous", "false"));

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains("Gateway:AllowAnonymous=true", error.Message);
        Assert.Contains("Gateway:ApiKeys", error.Message);
        Assert.Contains("Gateway:Jwt:Authority", error.Message);
    }

    [Theory]
    [InlineData("Gateway:ApiKeys:0:Sha256", "not-a-hash", "64 hexadecimal digits")]
    [InlineData("Gateway:ApiKeys:0:Roles:0", "admin", "'admin' is not one of classify, operate")]
    [InlineData("Gateway:ApiKeys:1:Name", TestKeys.ClientName, $"'{TestKeys.ClientName}' is given to 2 keys")]
    [InlineData("Gateway:Jwt:Authority", "https://issuer.example", "Gateway:Jwt:Audience must be given")]
    [InlineData("Gateway:RateLimits:Classify:PermitLimit", "0", "PermitLimit must be at least 1")]
    public void Should_refuse_to_start_with_keys_or_limits_it_cannot_use(string key, string value, string problem)
    {
        using var gateway = new SecuredGatewayApp();
        using var app = gateway.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains(problem, error.Message);
    }
}
