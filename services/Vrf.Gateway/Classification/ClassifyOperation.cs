using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vrf.Gateway.Classification;

/// <summary>
/// Completes the classify operation in the OpenAPI document. The handler reads the body itself (so that a form and a
/// raw image are both accepted, under one size limit) and binds the query as text (so that a bad value gets a precise
/// message), which leaves the generator nothing to infer the body and the parameters' types from.
/// </summary>
internal static class ClassifyOperation
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The image (PNG, JPEG, ...), as a form field or as the whole body.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ImageUpload.MultipartFormData] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema> { [ImageUpload.FieldName] = binary },
                        Required = new HashSet<string> { ImageUpload.FieldName },
                    },
                },
                ["image/*"] = new() { Schema = binary },
                [ImageUpload.OctetStream] = new() { Schema = binary },
            },
        };

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            (parameter.Description, parameter.Schema, parameter.Required) = parameter.Name switch
            {
                "model" => ("The model to classify with.", Text(), true),
                "version" => ("A version of the model; leave it out for its current version (the newest ready one).",
                    Whole(1, null, null), false),
                "mode" => ("How the two models are combined.", Text(EnsembleModeNames.All, EnsembleModeNames.Vrf), false),
                "alpha" => ("With mode=ose: the fine-tuned model's weight; the model's own α when left out.", Fraction(), false),
                "topK" => ("How many classes the result lists, most probable first; above the model's class count, every class.",
                    Whole(1, ClassifyQuery.MaxTopK, ClassifyQuery.DefaultTopK), false),
                "nearestFailures" => ("How many of the nearest zero-shot failures the result lists.",
                    Whole(0, ClassifyQuery.MaxNearestFailures, 0), false),
                _ => (parameter.Description, parameter.Schema, parameter.Required),
            };
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(IReadOnlyList<string>? values = null, string? byDefault = null) => new()
    {
        Type = JsonSchemaType.String,
        Enum = values?.Select(value => (System.Text.Json.Nodes.JsonNode)value!).ToList(),
        Default = byDefault,
    };

    private static OpenApiSchema Whole(int minimum, int? maximum, int? byDefault) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = byDefault,
    };

    private static OpenApiSchema Fraction() => new() { Type = JsonSchemaType.Number, Format = "double", Minimum = "0", Maximum = "1" };
}
