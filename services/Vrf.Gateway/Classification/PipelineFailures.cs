using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Vrf.Contracts;

namespace Vrf.Gateway.Classification;

/// <summary>
/// The HTTP status of an <see cref="ImageClassificationFailed"/>. The event has only words, so the model store's own
/// wording is recognised: an unknown model or version ("has no model", "has no version") is 404, a version that cannot be
/// served ("cannot be served", "no ready version") is 409, and anything else the pipeline refused is 422.
/// </summary>
internal static partial class PipelineFailures
{
    public static int StatusCodeOf(ImageClassificationFailed failure) =>
        UnknownModelOrVersion().IsMatch(failure.Reason) ? StatusCodes.Status404NotFound
        : NotServable().IsMatch(failure.Reason) ? StatusCodes.Status409Conflict
        : StatusCodes.Status422UnprocessableEntity;

    public static string TitleOf(int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound => "Unknown model or version",
        StatusCodes.Status409Conflict => "Model version not servable",
        _ => "The image could not be classified",
    };

    [GeneratedRegex(@"has no (model|version)\b|unknown (model|version)|\b(model|version)\b[^.]*\b(does not exist|not found)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnknownModelOrVersion();

    [GeneratedRegex(@"cannot be served|no ready version", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotServable();
}
