using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vrf.Monitoring;

/// <summary>
/// The JSON form of a <see cref="ValidationDistribution"/>, for a model bundle:
/// <code>
/// {
///   "schema": "vrf-validation-distribution/1",
///   "image_count": 10000,
///   "distances": [0.0123, 0.0131, …, "Infinity"],
///   "predicted_class_counts": [980, 1135, …]
/// }
/// </code>
/// <c>distances</c> is sorted ascending: every validation image's d when it has as many values as
/// <c>image_count</c>, otherwise mid-point quantiles. +∞ (an image with no failure neighbour) is written as the
/// string <c>"Infinity"</c>, since JSON numbers cannot hold it. <c>predicted_class_counts</c> is in the model's
/// class order and adds up to <c>image_count</c>.
/// </summary>
public static class ValidationDistributionJson
{
    /// <summary>The schema this code writes and reads.</summary>
    public const string CurrentSchema = "vrf-validation-distribution/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The distribution as indented JSON.</summary>
    public static string Serialize(ValidationDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return JsonSerializer.Serialize(
            new Document(CurrentSchema, distribution.ImageCount, distribution.Distances, distribution.PredictedClassCounts),
            Options);
    }

    /// <summary>Reads a distribution back.</summary>
    /// <exception cref="InvalidDataException">Not JSON of this schema, or values that do not make a distribution; the
    /// message says what.</exception>
    public static ValidationDistribution Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a validation distribution: {e.Message}", e);
        }
        if (document is null)
        {
            throw new InvalidDataException("Not a validation distribution: the document is null.");
        }
        if (document.Schema != CurrentSchema)
        {
            throw new InvalidDataException($"Validation distribution schema '{document.Schema}'; this version reads '{CurrentSchema}'.");
        }
        try
        {
            return new ValidationDistribution(document.ImageCount, document.Distances, document.PredictedClassCounts);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Not a valid validation distribution: {e.Message}", e);
        }
    }

    private sealed record Document(
        string Schema,
        int ImageCount,
        IReadOnlyList<double> Distances,
        IReadOnlyList<int> PredictedClassCounts);
}
