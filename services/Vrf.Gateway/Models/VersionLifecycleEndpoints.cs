using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vrf.Contracts;
using Vrf.Serving.Store;
using Vrf.Gateway.Security;

namespace Vrf.Gateway.Models;

/// <summary>
/// <c>POST /v1/models/{name}/versions/{version}/promote</c> and <c>…/retire</c>: change which versions are served, in the
/// store and then on the bus (<c>ModelPromoted</c>, <c>ModelRetired</c>), as <c>vrf models retire</c> does.
/// </summary>
internal static class VersionLifecycleEndpoints
{
    public static IEndpointRouteBuilder MapVersionLifecycleEndpoints(this IEndpointRouteBuilder routes)
    {
        var versions = routes.MapGroup("/models/{name}/versions/{version:int:min(1)}").WithTags("Models")
            .RequireGatewayPolicy(GatewayPolicies.Operate)
            .WithBodyLimit(GatewayEndpointConventions.SmallBodyBytes);
        versions.MapPost("/promote", PromoteAsync)
            .WithName("PromoteVersion")
            .WithSummary("Make a ready version the current one")
            .WithDescription(
                "Records the promotion in the store and publishes ModelPromoted: every worker serves the version to requests " +
                "without a version once it has loaded it. It stays current until it is retired or a newer version becomes ready.")
            .Produces<VersionChanged>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        versions.MapPost("/retire", RetireAsync)
            .WithName("RetireVersion")
            .WithSummary("Stop serving a version")
            .WithDescription(
                "Marks the version retired in the store and publishes ModelRetired: every worker frees it once the requests " +
                "running on it finish, and requests for it by number are refused with 409. The next current version is named.")
            .Produces<VersionChanged>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static Task<Results<Accepted<VersionChanged>, ProblemHttpResult>> PromoteAsync(
        string name, int version, ModelStore store, IBus bus, CancellationToken cancellationToken) =>
        ChangeAsync(name, version, store, "promoted", bundle =>
        {
            if (bundle.Status != ModelStatus.Ready)
            {
                throw new ModelNotReadyException(
                    $"Model {bundle.Id} is {bundle.Status.ToString().ToLowerInvariant()}: only a ready version can be promoted.");
            }
            store.Promote(bundle.Id);
            return bus.Publish(new ModelPromoted(bundle.Id.Name, bundle.Id.Version), cancellationToken);
        });

    private static Task<Results<Accepted<VersionChanged>, ProblemHttpResult>> RetireAsync(
        string name, int version, ModelStore store, IBus bus, CancellationToken cancellationToken) =>
        ChangeAsync(name, version, store, "retired", bundle =>
        {
            if (bundle.Status == ModelStatus.Retired)
            {
                throw new ModelNotReadyException($"Model {bundle.Id} is already retired.");
            }
            store.Retire(bundle.Id);
            return bus.Publish(new ModelRetired(bundle.Id.Name, bundle.Id.Version), cancellationToken);
        });

    /// <summary>Finds the version, applies <paramref name="change"/> (store first, then the bus: the store is what a
    /// restarted worker reads) and names the current version afterwards.</summary>
    private static async Task<Results<Accepted<VersionChanged>, ProblemHttpResult>> ChangeAsync(
        string name, int version, ModelStore store, string status, Func<ModelBundle, Task> change)
    {
        try
        {
            await change(store.Get(new ModelVersionId(name, version)));
            var current = CurrentVersion.Of(store.Versions(name))?.Id.Version;
            return TypedResults.Accepted($"/v1/models/{name}", new VersionChanged(name, version, status, current));
        }
        catch (InvalidModelNameException invalid)
        {
            return TypedResults.Problem(invalid.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid model name");
        }
        catch (ModelNotFoundException unknown)
        {
            return TypedResults.Problem(unknown.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown model or version");
        }
        catch (ModelNotReadyException refused)
        {
            return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict, title: $"Version cannot be {status}");
        }
    }
}
