using Vrf.Digits.Glyphs;
using Vrf.Digits.Imaging;
using Vrf.Encoders.ZeroShot;
using Vrf.Imaging;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.Digits.Tests;

public sealed class When_a_glyph_head_is_built
{
    /// <summary>The pixels themselves as features: a transparent encoder to check the head's arithmetic with.</summary>
    private static Tensor Pixels(IReadOnlyList<RgbImage> images) =>
        tensor(images.SelectMany(i => GreyImage.FromRgb(i).Bytes.ToArray().Select(p => (float)p)).ToArray(), [images.Count, 28 * 28]);

    [Fact]
    public void Each_class_gets_the_renormalised_mean_of_its_normalised_embeddings()
    {
        using var renderer = new GlyphRenderer();
        var set = GlyphTemplateSet.Create(GlyphFonts.Templates.Take(2), strokes: [0f], angles: [0f, 6f]);
        var renderings = renderer.RenderAll(["3", "8"], set, TestContext.Current.CancellationToken);
        using var scope = NewDisposeScope();

        var weights = GlyphHead.Build(renderings, 2, Pixels, batchSize: 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([2L, 784L], weights.shape);
        for (var c = 0; c < 2; c++)
        {
            var features = Pixels(renderings.Where(r => r.ClassIndex == c).Select(r => r.Image.ToRgb()).ToList());
            var expected = nn.functional.normalize(nn.functional.normalize(features, p: 2, dim: 1).mean([0]), p: 2, dim: 0);
            Assert.True(weights[c].allclose(expected, rtol: 1e-5, atol: 1e-6));
        }
    }

    [Fact]
    public void A_class_without_a_rendering_is_refused()
    {
        using var renderer = new GlyphRenderer();
        var renderings = renderer.RenderAll(["3"], GlyphTemplateSet.Create(GlyphFonts.Templates.Take(1), strokes: [0f], angles: [0f]), TestContext.Current.CancellationToken);

        var error = Assert.Throws<ArgumentException>(() => GlyphHead.Build(renderings, 2, Pixels, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("1", error.Message);
    }

    [Fact]
    public void The_default_recipe_lists_every_template_with_its_fonts_hash_and_a_bundles_copy_reads_back_the_same()
    {
        using var folder = new TemporaryDirectory();
        var builder = new GlyphHeadBuilder();

        var recipe = builder.Recipe(null);
        File.WriteAllLines(folder.File("templates.txt"), recipe);

        Assert.Equal(GlyphFonts.Templates.Count * 3 * 5, recipe.Count);
        Assert.Contains("\"font\":\"truetype/dejavu/DejaVuSans.ttf\",\"size\":48,\"stroke\":0.04,\"angle\":-6,\"font_sha256\":\"", recipe[1 * 5 + 1]);
        Assert.Equal(recipe, builder.Recipe(folder.File("templates.txt")));
        Assert.Equal(GlyphTemplateSet.Create(GlyphFonts.Templates).Templates, GlyphTemplateSet.FromLines(recipe, "recipe").Templates);
    }

    [Fact]
    public void A_recipe_line_that_is_not_a_template_is_refused_with_its_number()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllLines(folder.File("templates.txt"), [new GlyphHeadBuilder().Recipe(null)[0], "a photo of a {}."]);

        var error = Assert.Throws<ZeroShotHeadException>(() => new GlyphHeadBuilder().Recipe(folder.File("templates.txt")));

        Assert.Contains("line 2", error.Message);
        Assert.Contains("does not exist", Assert.Throws<ZeroShotHeadException>(() => new GlyphHeadBuilder().Recipe(folder.File("none.txt"))).Message);
    }
}
