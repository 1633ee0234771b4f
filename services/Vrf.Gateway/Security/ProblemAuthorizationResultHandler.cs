using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Vrf.Gateway.Security;

/// <summary>
/// Answers a refused request as ASP.NET Core does (the scheme's challenge or forbid, with its <c>WWW-Authenticate</c>)
/// and then with problem details that say what to send: 401 when the request carries no credentials the gateway
/// accepts, 403 when they lack the role the endpoint needs.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private const string HowToAuthenticate =
        $"Send an API key as 'Authorization: Bearer <key>' or '{GatewaySchemes.ApiKeyHeader}: <key>', or an access token of the " +
        "gateway's issuer as 'Authorization: Bearer <token>'.";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (context.Response.HasStarted || !(authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            return;
        }
        // The scheme keeps its result for the request, so this asks it again without checking the credentials twice.
        var failure = authorizeResult.Challenged ? (await context.AuthenticateAsync()).Failure : null;
        var details = authorizeResult.Challenged
            ? new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = failure is null ? HowToAuthenticate : $"{Refusal(failure)} {HowToAuthenticate}",
            }
            : new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Role required",
                Detail = $"This request needs the role {RequiredRoles(authorizeResult)}; the credentials of " +
                         $"'{context.User.Identity?.Name}' carry {CarriedRoles(context)}.",
            };
        context.Response.StatusCode = details.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
    }

    /// <summary>Why the credentials were refused: the API key scheme's own words, a general reason for a token.</summary>
    private static string Refusal(Exception failure) =>
        failure.Message == ApiKeyAuthenticationHandler.UnknownKey
            ? failure.Message
            : "The bearer token was refused: it is expired, not signed by the gateway's issuer, or not issued for this gateway (Gateway:Jwt:Audience).";

    private static string RequiredRoles(PolicyAuthorizationResult result) =>
        string.Join(" or ", result.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>()
            .SelectMany(requirement => requirement.AllowedRoles).Distinct().Select(role => $"'{role}'") ?? []);

    private static string CarriedRoles(HttpContext context)
    {
        var roles = GatewayRoles.All.Where(context.User.IsInRole).Select(role => $"'{role}'").ToList();
        return roles.Count == 0 ? "no role of the gateway's" : string.Join(" and ", roles);
    }
}
