using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Vrf.Gateway.Drift;
using Vrf.Gateway.Security;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Models;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{name}</c>: what the model store holds; and
/// <c>GET /v1/models/{name}/drift</c>, what the monitor sees of its traffic.</summary>
internal static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder routes)
    {
        var models = routes.MapGroup("/models").WithTags("Models")
            .RequireGatewayPolicy(GatewayPolicies.Classify)
            .WithBodyLimit(GatewayEndpointConventions.SmallBodyBytes);
        models.MapGet("/", ListModels)
            .WithName("ListModels")
            .WithSummary("List the models")
            .WithDescription("Every model in the store, with its current version and the status of each version.");
        models.MapGet("/{name}", DescribeModel)
            .WithName("DescribeModel")
            .WithSummary("Describe a model's versions")
            .WithDescription("Each version's status, classes, VRF parameters (a, b, K, temperatures, α), metrics, dates, datasets, " +
                             "training record and last evaluation.")
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

    private static Results<Ok<ModelDetails>, ProblemHttpResult> DescribeModel(string name, ModelStore store, EvaluationRecords evaluations,
        ILoggerFactory loggers)
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
        var logger = loggers.CreateLogger(typeof(ModelEndpoints).FullName!);
        return TypedResults.Ok(new ModelDetails(name, CurrentVersion(versions),
            [.. versions.Select(bundle => Describe(bundle, LastEvaluation(bundle.Id, evaluations, logger)))]));
    }

    private static int? CurrentVersion(IReadOnlyList<ModelBundle> versions) =>
        Vrf.Serving.Store.CurrentVersion.Of(versions)?.Id.Version;

    /// <summary>The version's last evaluation; one that cannot be read is logged and left out rather than failing the answer.</summary>
    private static EvaluationRecord? LastEvaluation(ModelVersionId id, EvaluationRecords evaluations, ILogger logger)
    {
        try
        {
            return evaluations.Find(id);
        }
        catch (InvalidDataException unreadable)
        {
            GatewayLog.UnreadableEvaluationRecord(logger, id.ToString(), unreadable.Message);
            return null;
        }
    }

    private static VersionDetails Describe(ModelBundle bundle, EvaluationRecord? evaluation)
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
            manifest.Warnings,
            manifest.PromotedAt,
            manifest.EncoderKind,
            manifest.Datasets,
            manifest.Training,
            manifest.WeightSpaceEnsemble,
            evaluation);
    }
}
