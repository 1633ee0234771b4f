using SkiaSharp;
using Vrf.Digits.Imaging;

namespace Vrf.Digits.Glyphs;

/// <summary>
/// Draws text with SkiaSharp white on black, antialiased, unhinted, rotated about its centre, with an optional outline
/// stroke, then frames it like an MNIST digit (<see cref="MnistFraming"/>). The same font file, text and template give
/// the same pixels. Thread-safe; it keeps the typefaces it opened until disposed.
/// </summary>
public sealed class GlyphRenderer(string fontRoot = GlyphFonts.DefaultRoot) : IDisposable
{
    private const float MarginPixels = 4;

    private readonly Dictionary<string, SKTypeface> typefaces = new(StringComparer.Ordinal);
    private readonly Lock typefacesLock = new();

    public string FontRoot { get; } = fontRoot;

    /// <summary>Every class name with every template, class-major; a template whose font lacks one of a name's
    /// characters is left out for that name.</summary>
    /// <exception cref="InvalidOperationException">No template can draw one of the names.</exception>
    public IReadOnlyList<GlyphRendering> RenderAll(IReadOnlyList<string> classNames, GlyphTemplateSet set, CancellationToken cancellationToken = default)
    {
        var renderings = new List<GlyphRendering>();
        for (var c = 0; c < classNames.Count; c++)
        {
            var before = renderings.Count;
            foreach (var template in set.Templates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Render(classNames[c], template) is { } image)
                {
                    renderings.Add(new GlyphRendering(c, classNames[c], template, image));
                }
            }
            if (renderings.Count == before)
            {
                throw new InvalidOperationException($"No glyph template can draw the class name '{classNames[c]}' (no font has all its characters, or it has no visible ink).");
            }
        }
        return renderings;
    }

    /// <summary>The text framed like an MNIST digit, or null when the font lacks one of its characters or draws no ink.</summary>
    public GreyImage? Render(string text, GlyphTemplate template)
    {
        var drawn = Draw(text, template);
        if (drawn is null || !drawn.Bytes.ContainsAnyExcept((byte)0))
        {
            return null;
        }
        return MnistFraming.Frame(drawn, InkPolarity.LightOnDark);
    }

    /// <summary>The text drawn white on black on a square canvas large enough for any rotation, before framing.</summary>
    public GreyImage? Draw(string text, GlyphTemplate template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var font = new SKFont(Typeface(template.Font), template.Size)
        {
            Edging = SKFontEdging.Antialias,
            Hinting = SKFontHinting.None,
            Subpixel = true,
        };
        if (!font.ContainsGlyphs(text))
        {
            return null;
        }
        var strokeWidth = template.Stroke * template.Size;
        using var paint = new SKPaint
        {
            Color = SKColors.White,
            IsAntialias = true,
            Style = strokeWidth > 0 ? SKPaintStyle.StrokeAndFill : SKPaintStyle.Fill,
            StrokeWidth = strokeWidth,
            StrokeJoin = SKStrokeJoin.Round,
        };
        font.MeasureText(text, out var bounds, paint);
        var side = (int)Math.Ceiling(Math.Sqrt(bounds.Width * bounds.Width + bounds.Height * bounds.Height) + 2 * (strokeWidth + MarginPixels));
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            canvas.Translate(side / 2f, side / 2f);
            canvas.RotateDegrees(template.Angle);
            canvas.DrawText(text, -bounds.MidX, -bounds.MidY, SKTextAlign.Left, font, paint);
        }
        var rgba = bitmap.GetPixelSpan();
        var grey = new byte[side * side];
        for (var i = 0; i < grey.Length; i++)
        {
            grey[i] = rgba[i * 4];
        }
        return new GreyImage(side, side, grey);
    }

    public void Dispose()
    {
        using var held = typefacesLock.EnterScope();
        foreach (var typeface in typefaces.Values)
        {
            typeface.Dispose();
        }
        typefaces.Clear();
    }

    private SKTypeface Typeface(string file)
    {
        using var held = typefacesLock.EnterScope();
        if (!typefaces.TryGetValue(file, out var typeface))
        {
            var path = GlyphTemplateSet.FontPath(FontRoot, file);
            typeface = SKTypeface.FromFile(path) ?? throw new InvalidDataException($"Font file '{path}' cannot be read as a font.");
            typefaces[file] = typeface;
        }
        return typeface;
    }
}
