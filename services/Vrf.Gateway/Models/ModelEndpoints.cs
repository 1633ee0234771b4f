using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vrf.Gateway.Drift;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Models;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{name}</c>: what the model store holds; and
/// <c>GET /v1/models/{name}/drift</c>, what the monitor sees of its traffic.</summary>
internal static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder routes)
    {
        var models = routes.MapGroup("/models").WithTags("Models");
        models.MapGet("/", ListModels)
            .WithName("ListModels")
            .WithSummary("List the models")
            .WithDescription("Every model in the store, with its current version and the status of each version.");
        models.MapGet("/{name}", DescribeModel)
            .WithName("DescribeModel")
            .WithSummary("Describe a model's versions")
            .WithDescription("Each version's status, classes, VRF parameters (a, b, K, temperatures, α), metrics and dates.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapDriftEndpoint();
        return routes;
    }

    private static Ok<ModelList> ListModels(ModelStore store) =>
        TypedResults.Ok(new ModelList([.. store.ModelNames().Select(name =>
        {
            var versions = store.Versions(name);
            return new ModelSummary(name, CurrentVersion(versions), [.. versions.Select(v => new VersionSummary(v.Id.Version, v.Status))]);
        })]));

    private static Results<Ok<ModelDetails>, ProblemHttpResult> DescribeModel(string name, ModelStore store)
    {
        IReadOnlyList<ModelBundle> versions;
        try
        {
            versions = store.Versions(name);
        }
        catch (InvalidModelNameException invalid)
        {
            return TypedResults.Problem(invalid.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid model name");
        }
        catch (ModelNotFoundException unknown)
        {
            return TypedResults.Problem(unknown.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown model");
        }
        return TypedResults.Ok(new ModelDetails(name, CurrentVersion(versions), [.. versions.Select(Describe)]));
    }

    private static int? CurrentVersion(IReadOnlyList<ModelBundle> versions) =>
        versions.LastOrDefault(bundle => bundle.Status == ModelStatus.Ready)?.Id.Version;

    private static VersionDetails Describe(ModelBundle bundle)
    {
        var manifest = bundle.Manifest;
        return new VersionDetails(
            manifest.Version,
            manifest.Status,
            manifest.FailureReason,
            manifest.CreatedAt,
            manifest.IndexedAt,
            manifest.RetiredAt,
            manifest.ClassNames,
            manifest.EmbeddingDim,
            manifest.Parameters is { } p
                ? new ServedParameters(p.A, p.B, p.K, p.KRule, p.FailureSetSize, p.ZeroShotTemperature, p.FineTunedTemperature, p.OseAlpha, p.TunedOn)
                : null,
            manifest.Metrics is { } m
                ? new VersionMetrics(m.Train, m.Validation, m.FailureShare, m.SkippedImages.Count)
                : null,
            manifest.Warnings);
    }
}
