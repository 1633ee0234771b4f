using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vrf.ResNet.Modeling;

/// <summary>
/// The shape of a ResNet with basic blocks, as <c>config.json</c> of a model folder records it. The defaults are the
/// ImageNet ResNet-18 that ML.NET ships (a CNTK export): a 64-wide stem, stages of 2, 2, 2 and 3 blocks of 64, 128,
/// 256 and 512 channels, batch-norm epsilon 1e-5, 224 px inputs, 512-d features.
/// </summary>
public sealed record ResNetConfig
{
    public const string FileName = "config.json";

    /// <summary>The encoder kind a bundle names for this family of models.</summary>
    public const string ImageNetResNet18Kind = "resnet18-imagenet";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string Kind { get; init; } = ImageNetResNet18Kind;

    public int StemWidth { get; init; } = 64;

    public IReadOnlyList<int> StageBlocks { get; init; } = [2, 2, 2, 3];

    public IReadOnlyList<int> StageWidths { get; init; } = [64, 128, 256, 512];

    public double BatchNormEps { get; init; } = 1e-5;

    /// <summary>The side of the square images the encoder is fed (a multiple of <see cref="ResNetInputSize.Multiple"/>).</summary>
    public int ImageSize { get; init; } = ResNetInputSize.ImageNet;

    /// <summary>The length of a feature vector: the last stage's width.</summary>
    [JsonIgnore]
    public int FeatureDim => StageWidths[^1];

    /// <exception cref="InvalidDataException">A value the model cannot be built with.</exception>
    public void Validate(string origin)
    {
        var problems = new List<string>();
        if (StageBlocks.Count == 0 || StageBlocks.Count != StageWidths.Count)
        {
            problems.Add($"stage_blocks ({StageBlocks.Count}) and stage_widths ({StageWidths.Count}) must name the same, non-zero number of stages");
        }
        if (StemWidth < 1 || StageBlocks.Any(b => b < 1) || StageWidths.Any(w => w < 1))
        {
            problems.Add("every width and block count must be at least 1");
        }
        if (!(BatchNormEps > 0))
        {
            problems.Add($"batch_norm_eps must be positive, not {BatchNormEps}");
        }
        if (ResNetInputSize.Problem(ImageSize) is { } sizeProblem)
        {
            problems.Add($"image_size: {sizeProblem}");
        }
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"ResNet config '{origin}' is not valid: {string.Join("; ", problems)}.");
        }
    }

    public static ResNetConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"ResNet config '{path}' does not exist.", path);
        }
        ResNetConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ResNetConfig>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"ResNet config '{path}' is not valid: {e.Message}", e);
        }
        if (config is null)
        {
            throw new InvalidDataException($"ResNet config '{path}' is empty (null).");
        }
        config.Validate(path);
        return config;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
