using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;
using Vrf.Serving;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Jobs;

/// <summary>
/// <c>POST /v1/retrain</c>, <c>GET /v1/jobs</c>, <c>GET /v1/jobs/{id}</c> and <c>POST /v1/jobs/{id}/cancel</c>: retrain
/// jobs are submitted and cancelled on the bus, and read from their records in the model store.
/// </summary>
internal static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/retrain", RetrainAsync)
            .WithName("RetrainModel")
            .WithTags("Jobs")
            .WithSummary("Train a new version of a model")
            .WithDescription(
                "Checks the model (and base version) in the store and the request's values, publishes a RetrainModel for the " +
                "fine-tuning service and answers 202 with the job's id and its Location. The service checks the image folders " +
                "and records the job (accepted, or failed with the reason); the trained version is indexed and promoted.")
            .Accepts<RetrainRequest>("application/json")
            .Produces<JobRequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        var jobs = routes.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListJobs)
            .WithName("ListJobs")
            .WithSummary("List the retrain jobs")
            .WithDescription("Every job recorded in the model store, oldest first, with its status, progress and result.");
        jobs.MapGet("/{id:guid}", DescribeJob)
            .WithName("DescribeJob")
            .WithSummary("Describe a retrain job")
            .WithDescription("The job's status, progress (step of total, last loss, checkpoint), result version or reason, and its request.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{id:guid}/cancel", CancelAsync)
            .WithName("CancelJob")
            .WithSummary("Cancel a retrain job")
            .WithDescription("Publishes CancelFineTuning: the replica training the job stops it (or whichever takes it first, if none " +
                             "does), deletes its checkpoints and records it cancelled. 409 when the job already ended.")
            .Produces<JobRequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Accepted<JobRequestAccepted>, ProblemHttpResult>> RetrainAsync(
        RetrainRequest request, ModelStore store, IBus bus, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid retrain request");
        }
        try
        {
            store.Resolve(new ModelReference(request.Model!, request.BaseVersion));
        }
        catch (InvalidModelNameException invalid)
        {
            return TypedResults.Problem(invalid.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid model name");
        }
        catch (ModelNotFoundException unknown)
        {
            return TypedResults.Problem(unknown.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown model");
        }
        catch (ModelNotReadyException notReady)
        {
            return TypedResults.Problem(notReady.Message, statusCode: StatusCodes.Status409Conflict, title: "Base version not ready");
        }
        var message = request.ToMessage(NewId.NextGuid());
        await bus.Publish(message, cancellationToken);
        return TypedResults.Accepted($"/v1/jobs/{message.JobId}", new JobRequestAccepted(message.JobId, message.ModelName, "submitted"));
    }

    /// <summary>Every readable record; one that cannot be read is logged and left out rather than failing the list.</summary>
    private static Ok<JobList> ListJobs(FineTuningJobStore jobs, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(JobEndpoints).FullName!);
        return TypedResults.Ok(new JobList([.. jobs.List((path, reason) => GatewayLog.UnreadableJobRecord(logger, path, reason)).Select(JobDetails.From)]));
    }

    private static Results<Ok<JobDetails>, ProblemHttpResult> DescribeJob(Guid id, FineTuningJobStore jobs) =>
        jobs.Find(id) is { } record ? TypedResults.Ok(JobDetails.From(record)) : UnknownJob(id);

    private static async Task<Results<Accepted<JobRequestAccepted>, ProblemHttpResult>> CancelAsync(
        Guid id, FineTuningJobStore jobs, IBus bus, CancellationToken cancellationToken)
    {
        if (jobs.Find(id) is not { } record)
        {
            return UnknownJob(id);
        }
        if (record.IsFinal)
        {
            return TypedResults.Problem($"Job {id} already ended: it is {record.Status.ToString().ToLowerInvariant()}.",
                statusCode: StatusCodes.Status409Conflict, title: "Job already ended");
        }
        await bus.Publish(new CancelFineTuning(id), cancellationToken);
        return TypedResults.Accepted($"/v1/jobs/{id}", new JobRequestAccepted(id, record.ModelName, "cancel-requested"));
    }

    private static ProblemHttpResult UnknownJob(Guid id) =>
        TypedResults.Problem($"The job store has no job {id}; a submitted job appears once the fine-tuning service accepts it.",
            statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
}
