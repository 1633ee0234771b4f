using Microsoft.AspNetCore.Http;
using Vrf.Contracts;

namespace Vrf.Gateway.Classification;

/// <summary>
/// The HTTP status of an <see cref="ImageClassificationFailed"/>, from its <see cref="ClassificationFailureKind"/>:
/// an unknown model or version is 404, a version that cannot be served 409, an image or request the pipeline refused
/// 422, and a failure of the pipeline itself 502 (the gateway is fine; a service behind it is not).
/// </summary>
internal static class PipelineFailures
{
    public static int StatusCodeOf(ImageClassificationFailed failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Kind switch
        {
            ClassificationFailureKind.UnknownModel => StatusCodes.Status404NotFound,
            ClassificationFailureKind.ModelNotReady => StatusCodes.Status409Conflict,
            ClassificationFailureKind.InvalidImage or ClassificationFailureKind.InvalidInput => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status502BadGateway,
        };
    }

    public static string TitleOf(int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound => "Unknown model or version",
        StatusCodes.Status409Conflict => "Model version not servable",
        StatusCodes.Status502BadGateway => "The classification pipeline failed",
        _ => "The image could not be classified",
    };
}
