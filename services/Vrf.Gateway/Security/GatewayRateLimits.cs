using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Vrf.Gateway.Security;

/// <summary>
/// One fixed window per caller and budget: classify (endpoints under <see cref="GatewayPolicies.Classify"/>) and operate
/// (every other endpoint), each with its own limit from <see cref="GatewayRateLimitOptions"/>. A caller is its key's
/// name or its token's subject, or its address when it has no credentials (anonymous use, or a request about to be
/// refused, so guessing keys is limited too). Anonymous endpoints (the health probes) are not limited. A request over
/// the limit gets 429 with <c>Retry-After</c> and problem details.
/// </summary>
internal static class GatewayRateLimits
{
    public static void Configure(RateLimiterOptions limiter, GatewayAccessOptions access)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, access.RateLimits));
        limiter.OnRejected = RejectAsync;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, GatewayRateLimitOptions limits)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<IAllowAnonymous>() is not null)
        {
            return RateLimitPartition.GetNoLimiter("anonymous-endpoint");
        }
        var classify = metadata?.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy == GatewayPolicies.Classify) == true;
        var (budget, limit) = classify ? (GatewayPolicies.Classify, limits.Classify) : (GatewayPolicies.Operate, limits.Operate);
        return RateLimitPartition.GetFixedWindowLimiter($"{budget}|{Caller(context)}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static string Caller(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: not GatewaySchemes.Anonymous } identity
            ? $"{identity.AuthenticationType}:{identity.Name}"
            : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"This caller has used its requests for now (Gateway:RateLimits); try again in {seconds} s."),
            },
        });
    }
}
