using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Gateway.Security;

namespace Vrf.Gateway.Tests.Support;

/// <summary>The gateway with the two <see cref="TestKeys"/> and no anonymous use.</summary>
public class SecuredGatewayApp : GatewayApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gateway:AllowAnonymous", "false");
        TestKeys.Configure(builder);
    }
}

/// <summary>A secured gateway whose callers may make two requests a minute in each budget (classify, operate).</summary>
public sealed class RateLimitedGatewayApp : SecuredGatewayApp
{
    public const int Permits = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gateway:RateLimits:Classify:PermitLimit", $"{Permits}");
        builder.UseSetting("Gateway:RateLimits:Operate:PermitLimit", $"{Permits}");
    }
}

/// <summary>A secured gateway that also accepts the access tokens of a <see cref="TestIssuer"/>, whose discovery document
/// and keys it fetches from the issuer's handler.</summary>
public sealed class IssuerGatewayApp : SecuredGatewayApp
{
    public TestIssuer Issuer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gateway:Jwt:Authority", TestIssuer.Authority);
        builder.UseSetting("Gateway:Jwt:Audience", TestIssuer.Audience);
        builder.UseSetting("Gateway:Jwt:RoleClaim", TestIssuer.RoleClaim);
        builder.ConfigureTestServices(services => services.Configure<JwtBearerOptions>(GatewaySchemes.Jwt,
            jwt => jwt.BackchannelHttpHandler = Issuer.Handler));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Issuer.Dispose();
        }
    }
}
