using System.Diagnostics;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Classification;

/// <summary><c>POST /v1/classify</c>: publishes the image as a <c>ClassifyImage</c> and answers with its result.</summary>
internal static class ClassifyEndpoint
{
    public static RouteHandlerBuilder MapClassifyEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/classify", ClassifyAsync)
            .WithName("ClassifyImage")
            .WithTags("Classification")
            .WithSummary("Classify one image and wait for the result")
            .WithDescription(
                "Send the image as multipart/form-data (the field 'image', else the first file) or as the raw body " +
                "(image/* or application/octet-stream). The gateway checks the model in the store, publishes the request " +
                "on the bus and answers with the pipeline's result, or 504 when none arrives in time.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout)
            .AddOpenApiOperationTransformer(ClassifyOperation.DescribeAsync);

    private static async Task<Results<Ok<ClassificationResponse>, ProblemHttpResult>> ClassifyAsync(
        [AsParameters] ClassifyQuery query,
        HttpRequest request,
        ModelStore store,
        ClassificationClient client,
        ClassificationMetrics metrics,
        IOptions<GatewayOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ClassifyImage message;
        try
        {
            var parameters = query.Check();
            RequireServable(store, parameters.Model);
            var image = await ImageUpload.ReadAsync(request, options.Value.MaxImageBytes, cancellationToken);
            message = parameters.ToRequest(NewId.NextGuid(), image);
        }
        catch (ClassifyRequestException refused)
        {
            return TypedResults.Problem(refused.Message, statusCode: refused.StatusCode, title: refused.Title);
        }

        var logger = loggers.CreateLogger(typeof(ClassifyEndpoint).FullName!);
        var timeout = options.Value.ClassifyTimeout;
        var started = Stopwatch.GetTimestamp();
        ClassificationOutcome outcome;
        try
        {
            outcome = await client.ClassifyAsync(message, timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            GatewayLog.NoResultInTime(logger, message.RequestId, message.ModelName, timeout.TotalSeconds);
            return TypedResults.Problem(
                $"The pipeline gave no result within {timeout.TotalSeconds:0.#} s (Gateway:ClassifyTimeoutSeconds). " +
                "Check that the embedding, failure-index and scorer services run.",
                statusCode: StatusCodes.Status504GatewayTimeout,
                title: "No result in time",
                extensions: new Dictionary<string, object?> { ["requestId"] = message.RequestId });
        }

        if (outcome.Result is { } result)
        {
            metrics.Record(result);
            return TypedResults.Ok(ClassificationResponse.From(result, Stopwatch.GetElapsedTime(started)));
        }
        var failure = outcome.Failure!;
        GatewayLog.ClassificationFailed(logger, failure.RequestId, failure.ModelName, failure.Stage, failure.Reason);
        var status = PipelineFailures.StatusCodeOf(failure);
        return TypedResults.Problem(failure.Reason, statusCode: status, title: PipelineFailures.TitleOf(status),
            extensions: new Dictionary<string, object?>
            {
                ["requestId"] = failure.RequestId,
                ["stage"] = failure.Stage,
                ["kind"] = failure.Kind.ToString(),
            });
    }

    /// <summary>Refuses a model or version the pipeline could not serve before anything is published.</summary>
    private static void RequireServable(ModelStore store, ModelReference model)
    {
        try
        {
            store.Resolve(model);
        }
        catch (ModelNotFoundException unknown)
        {
            throw new ClassifyRequestException(StatusCodes.Status404NotFound, PipelineFailures.TitleOf(StatusCodes.Status404NotFound),
                unknown.Message);
        }
        catch (ModelNotReadyException notReady)
        {
            throw new ClassifyRequestException(StatusCodes.Status409Conflict, PipelineFailures.TitleOf(StatusCodes.Status409Conflict),
                notReady.Message);
        }
    }
}
