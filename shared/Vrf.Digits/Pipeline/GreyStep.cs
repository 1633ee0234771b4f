using Vrf.Imaging;
using Vrf.Digits.Imaging;

namespace Vrf.Digits.Pipeline;

/// <summary>Grey (PIL's <c>convert("L")</c> luma) replicated into the three channels.</summary>
public sealed record GreyStep : ImageStep
{
    public const string Op = "grey";

    public override RgbImage Apply(RgbImage image) => GreyImage.FromRgb(image).ToRgb();
}
