using System.Text.Json;
using System.Text.Json.Serialization;
using Vrf.Imaging;
using Vrf.Digits.Imaging;

namespace Vrf.Digits.Pipeline;

/// <summary>
/// The image steps a model's bundle applies to every image before its encoder's own normalisation, in order. Written
/// as JSON (<c>{"steps": [{"op": "grey"}, {"op": "mnist-frame", "ink": "Auto", …}, {"op": "resize", "size": 32, …}]}</c>)
/// so the bundle records them and every service replays the same preprocessing.
/// </summary>
public sealed record ImagePipeline(IReadOnlyList<ImageStep> Steps)
{
    public const string FileName = "image-pipeline.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The digits model's preprocessing: grey, MNIST framing (ink found per image), resized to the model's
    /// input size. The encoder then replicates nothing more: the image is already grey in all three channels.</summary>
    public static ImagePipeline Digits(int inputSize, InkPolarity ink = InkPolarity.Auto) =>
        new([new GreyStep(), new MnistFrameStep { Ink = ink }, new ResizeStep { Size = inputSize }]);

    public RgbImage Apply(RgbImage image) => Steps.Aggregate(image, (current, step) => step.Apply(current));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the pipeline as <see cref="FileName"/> into a model folder.</summary>
    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), ToJson());

    /// <summary>The pipeline a model folder records in <see cref="FileName"/>, or null when it records none.</summary>
    /// <exception cref="InvalidDataException">The file is not a pipeline.</exception>
    public static ImagePipeline? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? FromJson(File.ReadAllText(path), path) : null;
    }

    /// <param name="origin">Where the JSON came from, for errors.</param>
    /// <exception cref="InvalidDataException">Not a pipeline, or a step this version does not know.</exception>
    public static ImagePipeline FromJson(string json, string origin)
    {
        try
        {
            return JsonSerializer.Deserialize<ImagePipeline>(json, Json) ?? throw new InvalidDataException($"Image pipeline '{origin}' is empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Image pipeline '{origin}' is not valid: {e.Message}", e);
        }
    }
}
