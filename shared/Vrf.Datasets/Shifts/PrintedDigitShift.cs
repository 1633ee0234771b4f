using Vrf.Digits.Glyphs;
using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>
/// Printed digits: each test image is replaced by its label drawn in a font held out from the glyph templates
/// (<see cref="GlyphFonts.HeldOut"/>), the font, an outline stroke (0, 0.04 or 0.08 of the size) and a rotation in
/// [−10°, 10°] drawn at random, framed like an MNIST digit.
/// </summary>
public sealed class PrintedDigitShift(GlyphRenderer renderer) : IDigitShift
{
    public const float Size = 48;
    public const double MaxAngleDegrees = 10;
    private static readonly float[] Strokes = [0f, 0.04f, 0.08f];

    public string Name => "printed";

    public long Key => 7;

    public GreyImage Apply(GreyImage digit, int label, SeededRandom random)
    {
        var font = GlyphFonts.HeldOut[random.Below(GlyphFonts.HeldOut.Count)];
        var template = new GlyphTemplate(font.File, Size, Strokes[random.Below(Strokes.Length)], (float)random.Uniform(-MaxAngleDegrees, MaxAngleDegrees));
        return renderer.Render(label.ToString(System.Globalization.CultureInfo.InvariantCulture), template)
               ?? throw new InvalidOperationException($"Font '{font.File}' cannot draw the digit {label}.");
    }
}
