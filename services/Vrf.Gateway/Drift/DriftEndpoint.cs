using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Vrf.Client;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Drift;

/// <summary><c>GET /v1/models/{name}/drift</c>: the monitor's drift window of a model version, asked over the bus.</summary>
internal static class DriftEndpoint
{
    public static RouteHandlerBuilder MapDriftEndpoint(this IEndpointRouteBuilder models) =>
        models.MapGet("/{name}/drift", DescribeDriftAsync)
            .WithName("DescribeDrift")
            .WithTags("Models")
            .WithSummary("A model version's drift window and alarm")
            .WithDescription(
                "The monitor service's sliding window over the version's recent results (its current version unless 'version' " +
                "is given): whether its drift alarm is raised and since when, the results it holds, and their statistics " +
                "against the version's validation images (share of d above the validation 95th percentile and its binomial " +
                "p-value, Kolmogorov–Smirnov statistic and p-value of d, mean ω, zero-shot/fine-tuned disagreement, " +
                "chi-squared p-value of the predicted classes). Before any traffic the window is empty and the alarm false.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<ModelDriftDocument>, ProblemHttpResult>> DescribeDriftAsync(
        string name,
        int? version,
        DriftClient drift,
        IOptions<GatewayOptions> options,
        CancellationToken cancellationToken)
    {
        if (!ModelName.IsValid(name))
        {
            return TypedResults.Problem($"'{name}' cannot be a model's name.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid model name");
        }
        if (version is < 1)
        {
            return TypedResults.Problem($"version={version}: a version is 1 or more.", statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid version");
        }
        try
        {
            var report = (await drift.CheckAsync(name, version, options.Value.DriftTimeout, cancellationToken)).Single();
            return report.NotMonitoredReason is { } reason
                ? TypedResults.Problem(reason, statusCode: StatusCodes.Status409Conflict, title: "Version not monitored")
                : TypedResults.Ok(ModelDriftDocument.From(report));
        }
        catch (ModelDriftRefusedException refused)
        {
            return refused.Unknown
                ? TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown model")
                : TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict, title: "Version not served");
        }
        catch (MonitorUnavailableException unavailable)
        {
            return TypedResults.Problem(unavailable.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Monitor unavailable");
        }
    }
}
