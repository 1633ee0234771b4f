using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vrf.Contracts;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Classification;

/// <summary>
/// The query string of <c>POST /v1/classify</c>, bound as text so that <see cref="Check"/> can say exactly what is wrong
/// with a value; <see cref="ClassifyOperation"/> gives the parameters their types in the OpenAPI document.
/// </summary>
internal sealed class ClassifyQuery
{
    public const int DefaultTopK = 5;
    public const int MaxTopK = 1000;
    public const int MaxNearestFailures = 100;

    [FromQuery(Name = "model")]
    public string? Model { get; init; }

    [FromQuery(Name = "version")]
    public string? Version { get; init; }

    [FromQuery(Name = "mode")]
    public string? Mode { get; init; }

    [FromQuery(Name = "alpha")]
    public string? Alpha { get; init; }

    [FromQuery(Name = "topK")]
    public string? TopK { get; init; }

    [FromQuery(Name = "nearestFailures")]
    public string? NearestFailures { get; init; }

    /// <summary>Checks every parameter.</summary>
    /// <exception cref="ClassifyRequestException">400: no model, or a parameter that is not a valid value.</exception>
    public ClassifyParameters Check()
    {
        if (string.IsNullOrWhiteSpace(Model))
        {
            throw BadRequest("The query parameter 'model' is required: POST /v1/classify?model=NAME.");
        }
        if (!ModelName.IsValid(Model))
        {
            throw BadRequest($"'{Model}' is not a valid model name: use 1 to {ModelName.MaxLength} lower-case letters, " +
                "digits, '.', '_' or '-', starting with a letter or digit.");
        }
        var version = Whole("version", Version, 1, int.MaxValue, "leave it out for the model's current version");
        var mode = CheckMode();
        var alpha = CheckAlpha(mode);
        var topK = Whole("topK", TopK, 1, MaxTopK, $"the default is {DefaultTopK}") ?? DefaultTopK;
        var nearestFailures = Whole("nearestFailures", NearestFailures, 0, MaxNearestFailures, "the default is 0") ?? 0;
        return new ClassifyParameters(new ModelReference(Model, version), mode, alpha, topK, nearestFailures);
    }

    private EnsembleMode? CheckMode()
    {
        if (Mode is null)
        {
            return null;
        }
        return EnsembleModeNames.TryParse(Mode, out var mode)
            ? mode
            : throw BadRequest($"'mode' must be one of {string.Join(", ", EnsembleModeNames.All)} (got '{Mode}').");
    }

    private double? CheckAlpha(EnsembleMode? mode)
    {
        if (Alpha is null)
        {
            return null;
        }
        if (mode != EnsembleMode.OutputSpace)
        {
            throw BadRequest($"'alpha' is the weight of the output-space ensemble: use it with mode={EnsembleModeNames.OutputSpace}.");
        }
        return double.TryParse(Alpha, NumberStyles.Float, CultureInfo.InvariantCulture, out var alpha) && alpha is >= 0 and <= 1
            ? alpha
            : throw BadRequest($"'alpha' must be a number from 0 to 1 (got '{Alpha}').");
    }

    private static int? Whole(string name, string? text, int min, int max, string hint)
    {
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw BadRequest(max == int.MaxValue
                ? $"'{name}' must be a whole number of at least {min} (got '{text}'); {hint}."
                : $"'{name}' must be a whole number from {min} to {max} (got '{text}'); {hint}.");
    }

    private static ClassifyRequestException BadRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid classify request", detail);
}
