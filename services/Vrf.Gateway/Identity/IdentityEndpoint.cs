using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vrf.Gateway.Security;

namespace Vrf.Gateway.Identity;

/// <summary>
/// <c>GET /v1/identity</c>: the caller's name and roles as the gateway sees them, so that a client (the web console)
/// can check a key before using it and offer only what its roles allow. Any caller the gateway admits may ask.
/// </summary>
internal static class IdentityEndpoint
{
    public static RouteHandlerBuilder MapIdentityEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/identity", Describe)
            .WithName("DescribeCaller")
            .WithTags("Identity")
            .RequireGatewayPolicy(GatewayPolicies.Classify)
            .WithBodyLimit(GatewayEndpointConventions.SmallBodyBytes)
            .WithSummary("Who the caller is")
            .WithDescription(
                "The name of the caller's API key (or its token's subject) and its roles: classify (classify, read the models and " +
                "their drift) and operate (everything else). Without credentials, where the gateway allows anonymous use, the caller " +
                "is 'anonymous' with every role; otherwise the answer is 401.");

    private static Ok<CallerIdentity> Describe(ClaimsPrincipal user) =>
        TypedResults.Ok(new CallerIdentity(
            user.Identity?.Name ?? "",
            [.. GatewayRoles.All.Where(user.IsInRole)],
            user.Identity?.AuthenticationType switch
            {
                GatewaySchemes.ApiKey => CallerCredentials.ApiKey,
                GatewaySchemes.Anonymous => CallerCredentials.Anonymous,
                _ => CallerCredentials.Token,
            }));
}
