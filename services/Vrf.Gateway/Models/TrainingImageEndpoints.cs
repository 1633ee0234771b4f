using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Vrf.Gateway.Security;
using Vrf.Serving.Datasets;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Models;

/// <summary>
/// <c>GET /v1/models/{name}/versions/{version}/training-images/{class}/{file}</c>: a training image of a version by its
/// sample id (<c>class/file</c>, the id a nearest zero-shot failure carries), read from the training folder the
/// version was indexed from, at the path recorded in its manifest. The gateway needs that folder mounted at the same
/// path (read-only is enough); without it the answer is 404 and says so.
/// </summary>
internal static class TrainingImageEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapTrainingImageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/models/{name}/versions/{version:int:min(1)}/training-images/{className}/{fileName}", TrainingImage)
            .WithName("GetTrainingImage")
            .WithTags("Models")
            .RequireGatewayPolicy(GatewayPolicies.Classify)
            .WithBodyLimit(GatewayEndpointConventions.SmallBodyBytes)
            .WithSummary("A training image of a version, by sample id")
            .WithDescription(
                "Serves the training image whose sample id is {className}/{fileName} (as nearest zero-shot failures name them) " +
                "from the version's training folder. 404 when the version, the class or the file is unknown, or when the " +
                "training folder is not mounted on the gateway at the path the version was indexed from.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> TrainingImage(
        string name, int version, string className, string fileName, ModelStore store, HttpContext context)
    {
        ModelBundle bundle;
        try
        {
            bundle = store.Get(new ModelVersionId(name, version));
        }
        catch (InvalidModelNameException invalid)
        {
            return TypedResults.Problem(invalid.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid model name");
        }
        catch (ModelNotFoundException unknown)
        {
            return TypedResults.Problem(unknown.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown model or version");
        }
        var manifest = bundle.Manifest;
        if (!manifest.ClassNames.Contains(className, StringComparer.Ordinal) || !IsImageFileName(fileName))
        {
            return NotFound($"{bundle.Id} has no training sample '{className}/{fileName}': a sample id is a class of the model and an image file name.",
                "Unknown training sample");
        }
        var folder = manifest.Datasets.Train.Path;
        if (!Directory.Exists(folder))
        {
            return NotFound(
                $"The training images of {bundle.Id} are not mounted on this gateway: it reads them from '{folder}', the folder " +
                "the version was indexed from. Mount that folder at the same path (read-only is enough) to see them.",
                "Training images not mounted");
        }
        var path = Path.Combine(folder, className, fileName);
        if (!File.Exists(path))
        {
            return NotFound($"The training folder of {bundle.Id} has no image '{className}/{fileName}' (any more).", "Training image missing");
        }
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.PhysicalFile(path, ContentTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream");
    }

    /// <summary>A plain file name (no folder, not hidden) with an extension the dataset reader takes as an image.</summary>
    private static bool IsImageFileName(string fileName) =>
        fileName == Path.GetFileName(fileName)
        && !fileName.StartsWith('.')
        && ImageFolderDataset.ImageExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    private static ProblemHttpResult NotFound(string detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);
}
