using System.Text.Json;

namespace Vrf.Testing.Models.ConvNet;

/// <summary>
/// The <c>tiny-convnet.json</c> of a <see cref="TinyConvNetKind"/> folder: the network's shape and its own
/// preprocessing (every image squashed to a square of <see cref="ImageSize"/> pixels, then <c>(x / 255 − Mean) / Std</c>).
/// </summary>
public sealed record TinyConvNetConfig(int ImageSize, int Channels, int EmbeddingDim, float Mean, float Std)
{
    public const string FileName = "tiny-convnet.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The folders the tests write: 16-pixel images, 12-dimensional features.</summary>
    public static TinyConvNetConfig Small { get; } = new(ImageSize: 16, Channels: 6, EmbeddingDim: 12, Mean: 0.5f, Std: 0.25f);

    public static TinyConvNetConfig Load(string folder) =>
        JsonSerializer.Deserialize<TinyConvNetConfig>(File.ReadAllText(Path.Combine(folder, FileName)), Json)
        ?? throw new InvalidDataException($"'{Path.Combine(folder, FileName)}' is empty.");

    public void Save(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));
}
