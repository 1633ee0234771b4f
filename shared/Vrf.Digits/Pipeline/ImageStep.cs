using System.Text.Json.Serialization;
using Vrf.Imaging;

namespace Vrf.Digits.Pipeline;

/// <summary>One step of an <see cref="ImagePipeline"/>: an RGB image in, an RGB image out. Written to JSON with its
/// <c>op</c> name and settings, so a bundle can record the steps and replay them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(GreyStep), GreyStep.Op)]
[JsonDerivedType(typeof(MnistFrameStep), MnistFrameStep.Op)]
[JsonDerivedType(typeof(ResizeStep), ResizeStep.Op)]
public abstract record ImageStep
{
    public abstract RgbImage Apply(RgbImage image);
}
