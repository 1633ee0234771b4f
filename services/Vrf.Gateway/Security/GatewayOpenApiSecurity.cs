using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Vrf.Gateway.Security;

/// <summary>
/// Declares in the OpenAPI document how to authenticate (an API key in <c>X-Api-Key</c> or as a bearer value, and the
/// issuer's OpenID Connect discovery document when one is configured) and, on every operation that is not anonymous,
/// the schemes with the roles that admit a caller.
/// </summary>
internal static class GatewayOpenApiSecurity
{
    public const string ApiKeyScheme = "apiKey";
    public const string BearerScheme = "bearer";
    public const string OpenIdConnectScheme = "openIdConnect";

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }
        var roles = metadata.OfType<IAuthorizeData>().Any(data => data.Policy == GatewayPolicies.Classify)
            ? new List<string>(GatewayRoles.All)
            : [GatewayRoles.Operate];
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document to declare its schemes in.");
        var schemes = DeclareSchemes(document, context.ApplicationServices.GetRequiredService<IOptions<GatewayAccessOptions>>().Value);
        operation.Security = [.. schemes.Select(scheme => new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(scheme, document)] = roles,
        })];
        return Task.CompletedTask;
    }

    /// <summary>Adds the schemes to the document's components (once) and returns their names.</summary>
    private static IReadOnlyList<string> DeclareSchemes(OpenApiDocument document, GatewayAccessOptions access)
    {
        document.Components ??= new OpenApiComponents();
        var declared = document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        declared.TryAdd(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = GatewaySchemes.ApiKeyHeader,
            Description = "An API key of the gateway (Gateway:ApiKeys); its roles decide what it may do.",
        });
        declared.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key, or an access token of the gateway's issuer (Gateway:Jwt) whose roles claim lists its roles.",
        });
        if (!access.Jwt.IsConfigured)
        {
            return [ApiKeyScheme, BearerScheme];
        }
        declared.TryAdd(OpenIdConnectScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OpenIdConnect,
            OpenIdConnectUrl = new Uri($"{access.Jwt.Authority!.TrimEnd('/')}/.well-known/openid-configuration"),
            Description = $"Sign in with the gateway's issuer; tokens for the audience '{access.Jwt.Audience}' with the roles in '{access.Jwt.RoleClaim}'.",
        });
        return [ApiKeyScheme, BearerScheme, OpenIdConnectScheme];
    }
}
