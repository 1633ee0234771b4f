using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vrf.Gateway.Classification;

namespace Vrf.Gateway.Security;

/// <summary>
/// Who may call the gateway and how often: authentication (API keys, an issuer's tokens, or anonymous use where
/// allowed), authorization by role (<see cref="GatewayPolicies"/>, with <see cref="GatewayPolicies.Operate"/> the
/// fallback for any endpoint that names no policy), rate limits per caller and a bound on every request body.
/// </summary>
public static class GatewaySecurityExtensions
{
    /// <summary>The OpenAPI document <c>AddOpenApi()</c> registers (served at /openapi/v1.json).</summary>
    private const string OpenApiDocument = "v1";

    /// <summary>Registers the <c>Gateway</c> access options (validated at start-up: the gateway does not start open
    /// unless told to), the schemes, the policies, the rate limiter, the server's body limit and the OpenAPI schemes.</summary>
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services)
    {
        services.AddOptions<GatewayAccessOptions>()
            .BindConfiguration(GatewayAccessOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayAccessOptions>, GatewayAccessOptionsValidation>();
        services.AddSingleton<ApiKeyRing>();

        services.AddAuthentication(GatewaySchemes.Gateway)
            .AddPolicyScheme(GatewaySchemes.Gateway, "API key, issuer token or anonymous", _ => { })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(GatewaySchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, AnonymousAuthenticationHandler>(GatewaySchemes.Anonymous, null)
            .AddJwtBearer(GatewaySchemes.Jwt, _ => { });
        services.AddOptions<PolicySchemeOptions>(GatewaySchemes.Gateway)
            .Configure<IOptions<GatewayAccessOptions>>((scheme, access) =>
                scheme.ForwardDefaultSelector = context => GatewaySchemes.For(context.Request, access.Value));
        services.AddOptions<JwtBearerOptions>(GatewaySchemes.Jwt)
            .Configure<IOptions<GatewayAccessOptions>>((jwt, access) => ConfigureIssuer(jwt, access.Value.Jwt));

        var operate = new AuthorizationPolicyBuilder().RequireRole(GatewayRoles.Operate).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayPolicies.Classify, policy => policy.RequireRole(GatewayRoles.Classify, GatewayRoles.Operate))
            .AddPolicy(GatewayPolicies.Operate, operate)
            .SetFallbackPolicy(operate);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<GatewayAccessOptions>>((limiter, access) => GatewayRateLimits.Configure(limiter, access.Value));

        // The largest body any endpoint reads is an image upload; smaller endpoints carry their own limit.
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) => kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxImageBytes + ImageUpload.MultipartAllowance);
        services.Configure<OpenApiOptions>(OpenApiDocument, openApi => openApi.AddOperationTransformer(GatewayOpenApiSecurity.DescribeAsync));
        return services;
    }

    /// <summary>Authenticates, rate-limits, then authorizes each request, in that order (a request with a wrong key
    /// still counts against its address).</summary>
    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureIssuer(JwtBearerOptions jwt, JwtIssuerOptions issuer)
    {
        if (!issuer.IsConfigured)
        {
            return;
        }
        jwt.Authority = issuer.Authority;
        jwt.Audience = issuer.Audience;
        jwt.RequireHttpsMetadata = issuer.RequireHttpsMetadata;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.RoleClaimType = issuer.RoleClaim;
        jwt.TokenValidationParameters.NameClaimType = issuer.NameClaim;
    }
}
