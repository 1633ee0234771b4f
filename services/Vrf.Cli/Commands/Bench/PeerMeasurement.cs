using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>The JSON line <c>benchmarks/clip_peer.py</c> prints: PyTorch's figures for one model folder.</summary>
/// <param name="Torch">PyTorch's version.</param>
/// <param name="Threads">The intra-op threads PyTorch ran with.</param>
/// <param name="Image">Images per second by batch size.</param>
/// <param name="Text">Prompts per second.</param>
/// <param name="MatmulGflopsPerSecond">PyTorch's own float32 matmul rate, or null when not measured.</param>
public sealed record PeerMeasurement(
    [property: JsonPropertyName("torch")] string Torch,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("image")] IReadOnlyDictionary<int, double> Image,
    [property: JsonPropertyName("text")] double Text,
    [property: JsonPropertyName("matmul")] double? MatmulGflopsPerSecond);
