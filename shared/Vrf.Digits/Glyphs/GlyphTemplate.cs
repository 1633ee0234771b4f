namespace Vrf.Digits.Glyphs;

/// <summary>
/// One way of drawing a class name: a font file (below the fonts folder), the font size in pixels, the outline
/// stroke added around the letters as a fraction of the size (0: the letters as designed, larger: bolder) and the
/// rotation in degrees (positive: clockwise).
/// </summary>
public sealed record GlyphTemplate(string Font, float Size, float Stroke, float Angle);
