using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Vrf.Gateway.Security;

/// <summary>What the gateway's endpoint groups carry: the policy that admits a caller (with the 401, 403 and 429 it can
/// answer) and the largest body they read.</summary>
public static class GatewayEndpointConventions
{
    /// <summary>The body limit of the endpoints that read a small JSON body or none (all but classify).</summary>
    public const long SmallBodyBytes = 64 * 1024;

    /// <summary>Admits callers under <paramref name="policy"/> (a <see cref="GatewayPolicies"/> name) and rate-limits them
    /// in its budget; the endpoints answer 401, 403 and 429 as problem details.</summary>
    public static TBuilder RequireGatewayPolicy<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RequireAuthorization(policy);
        return builder.WithMetadata(
            Problem(StatusCodes.Status401Unauthorized), Problem(StatusCodes.Status403Forbidden), Problem(StatusCodes.Status429TooManyRequests));
    }

    /// <summary>Refuses a request body larger than <paramref name="bytes"/> with 413.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimit(bytes));

    private static ProducesResponseTypeMetadata Problem(int status) =>
        new(status, typeof(ProblemDetails), ["application/problem+json"]);

    private sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
