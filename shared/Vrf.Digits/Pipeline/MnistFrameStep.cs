using System.Text.Json.Serialization;
using Vrf.Imaging;
using Vrf.Digits.Imaging;

namespace Vrf.Digits.Pipeline;

/// <summary><see cref="MnistFraming"/> of the image's grey values, replicated into the three channels.</summary>
public sealed record MnistFrameStep : ImageStep
{
    public const string Op = "mnist-frame";

    [JsonConverter(typeof(JsonStringEnumConverter<InkPolarity>))]
    public InkPolarity Ink { get; init; } = InkPolarity.Auto;

    public int BoxSize { get; init; } = MnistFrame.Mnist.BoxSize;

    public int CanvasSize { get; init; } = MnistFrame.Mnist.CanvasSize;

    public double InkThreshold { get; init; } = MnistFrame.Mnist.InkThreshold;

    public override RgbImage Apply(RgbImage image) =>
        MnistFraming.Frame(GreyImage.FromRgb(image), Ink, new MnistFrame { BoxSize = BoxSize, CanvasSize = CanvasSize, InkThreshold = InkThreshold })
            .ToRgb();
}
