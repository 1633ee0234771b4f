using Vrf.Imaging;
using Vrf.Encoders;
using Vrf.Digits.Glyphs;
using Vrf.Digits.Imaging;
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
}
