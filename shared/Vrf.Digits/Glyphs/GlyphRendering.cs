using Vrf.Digits.Imaging;

namespace Vrf.Digits.Glyphs;

/// <summary>A class name drawn with one template and framed like an MNIST digit (28x28, white on black).</summary>
public sealed record GlyphRendering(int ClassIndex, string ClassName, GlyphTemplate Template, GreyImage Image);
