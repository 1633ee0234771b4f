using System.Text.Json.Serialization;
using Vrf.Imaging;

namespace Vrf.Digits.Pipeline;

/// <summary>The shorter side scaled to <see cref="Size"/> with Pillow's resampler, then a centre crop to a square.</summary>
public sealed record ResizeStep : ImageStep
{
    public const string Op = "resize";

    public int Size { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<ResampleFilter>))]
    public ResampleFilter Filter { get; init; } = ResampleFilter.Bilinear;

    public override RgbImage Apply(RgbImage image)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Size, 1);
        return ShortestEdgeCrop.Square(image, Size, Filter);
    }
}
