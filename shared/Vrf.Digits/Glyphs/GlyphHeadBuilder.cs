using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Imaging;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Digits.Glyphs;

/// <summary>
/// The zero-shot head from class names without text (<c>glyphs</c>): every class name is rendered with every glyph
/// template (fonts from Debian packages × strokes × rotations, white on black, framed like an MNIST digit), the renderings
/// go through the version's own preprocessing and encoder, and each class's direction is the re-normalised mean of its
/// normalised embeddings (<see cref="GlyphHead"/>). The recipe is the template list with each font's SHA-256
/// (<see cref="GlyphTemplateSet.ToLines"/>), so the head can be rebuilt, and is refused where a font file differs. The
/// head's scale is fitted on the version's validation images (<see cref="GlyphHeadScale"/>). No training image is used.
/// </summary>
public sealed class GlyphHeadBuilder : IZeroShotHeadBuilder
{
    public const string BuilderName = "glyphs";

    private const int EncodeBatchSize = 256;

    public string Name => BuilderName;

    public bool NeedsTextTower => false;

    /// <summary>The default templates (<see cref="GlyphFonts.Templates"/> × <see cref="GlyphTemplateSet.DefaultStrokes"/> ×
    /// <see cref="GlyphTemplateSet.DefaultAngles"/>), or those of a recipe file: a bundle's <c>templates.txt</c>.</summary>
    public IReadOnlyList<string> Recipe(string? file)
    {
        try
        {
            if (file is null)
            {
                return GlyphTemplateSet.Create(GlyphFonts.Templates).ToLines();
            }
            return File.Exists(file)
                ? GlyphTemplateSet.FromLines(File.ReadLines(file), file).ToLines()
                : throw new ZeroShotHeadException($"Glyph template file '{file}' does not exist.");
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            throw new ZeroShotHeadException(e.Message, e);
        }
    }

    public ZeroShotHead Build(ZeroShotHeadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var set = Checked(() =>
        {
            var templates = GlyphTemplateSet.FromLines(request.Recipe, "the version's glyph templates");
            templates.CheckFonts(GlyphFonts.DefaultRoot);
            return templates;
        });
        using var renderer = new GlyphRenderer();
        var renderings = Checked(() => renderer.RenderAll(request.ClassNames, set));
        using var scope = NewDisposeScope();
        var directions = GlyphHead.Build(renderings, request.ClassNames.Count, images => Encode(request, images), EncodeBatchSize);
        var logitScale = GlyphHeadScale.Fit(request, directions);
        return ZeroShotHead.FromLinear(HeldScalar.With(Math.Exp(logitScale), directions.mul), zeros(directions.shape[0], device: directions.device),
            tensor((float)logitScale, device: directions.device));
    }

    private static Tensor Encode(ZeroShotHeadRequest request, IReadOnlyList<RgbImage> images) =>
        request.Encoder.Encode(PreprocessedImage.ToBatch(images.Select(request.Preprocessor.Preprocess), request.Encoder.Device));

    private static T Checked<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or InvalidOperationException)
        {
            throw new ZeroShotHeadException(e.Message, e);
        }
    }
}
