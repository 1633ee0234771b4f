using Vrf.Digits.Glyphs;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Method;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.ResNet.Tests;

public sealed class When_a_glyph_head_is_built_for_the_resnet(PretrainedDigitsFolder pretrained) : IClassFixture<PretrainedDigitsFolder>, IDisposable
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private readonly TemporaryDirectory _validation = new();

    [Fact]
    public void Its_rows_are_unit_directions_and_its_scale_is_the_one_that_calibrates_it_on_the_validation_images()
    {
        var images = ValidationImages();
        using var encoder = pretrained.Kind.Load(pretrained.Path, "cpu");
        var warnings = new List<string>();

        using var head = new GlyphHeadBuilder().Build(Request(encoder, warnings.Add, images));

        using var scope = NewDisposeScope();
        Assert.Equal([10L, 512L], head.Weights.shape);
        Assert.True(head.UnscaledWeights.norm(1).allclose(ones(10), rtol: 1e-5, atol: 1e-5));
        Assert.True(head.Bias.eq(0).all().item<bool>());
        Assert.Empty(warnings);
        var logits = Logits(head, encoder, images);
        var scaled = TemperatureCalibration.MeanConfidence(logits, 1);
        Assert.Equal(Accuracy.Of(logits, [.. images.Select(image => image.Label)]), scaled, 0.002);
    }

    [Fact]
    public void Without_validation_images_the_scale_is_clips_and_the_import_is_told()
    {
        using var encoder = pretrained.Kind.Load(pretrained.Path, "cpu");
        var warnings = new List<string>();

        using var head = new GlyphHeadBuilder().Build(Request(encoder, warnings.Add, []));

        Assert.Equal(Math.Log(100), head.LogitScale.item<float>(), 5);
        Assert.Contains("no validation images", Assert.Single(warnings));
    }

    [Fact]
    public void A_recipe_whose_font_changed_is_refused_by_name()
    {
        using var encoder = pretrained.Kind.Load(pretrained.Path, "cpu");
        var recipe = Recipe().Select(line => line.Replace("\"font_sha256\":\"", "\"font_sha256\":\"0", StringComparison.Ordinal)).ToList();

        var error = Assert.Throws<ZeroShotHeadException>(() =>
            new GlyphHeadBuilder().Build(Request(encoder, null, []) with { Recipe = recipe }));

        Assert.Contains(GlyphFonts.Templates[0].File, error.Message);
    }

    public void Dispose() => _validation.Dispose();

    /// <summary>Two fonts, two angles: a small recipe in the builder's own line format.</summary>
    private static IReadOnlyList<string> Recipe() =>
        GlyphTemplateSet.Create(GlyphFonts.Templates.Take(2), strokes: [0.04f], angles: [-6f, 6f]).ToLines();

    private ZeroShotHeadRequest Request(IImageEncoder encoder, Action<string>? warning, IReadOnlyList<CalibrationImage> validation) =>
        new(encoder, pretrained.Kind.OpenPreprocessor(pretrained.Path), Digits, Recipe(), warning, validation);

    /// <summary>Every digit in three held-out fonts, written as PNG files.</summary>
    private List<CalibrationImage> ValidationImages()
    {
        using var renderer = new GlyphRenderer();
        var images = new List<CalibrationImage>();
        for (var font = 0; font < 3; font++)
        {
            for (var digit = 0; digit < 10; digit++)
            {
                var path = _validation.File($"{digit}-{font}.png");
                DigitPictures.WritePng(path, DigitPictures.Mnist(renderer, digit, font, angle: 4 * font - 4));
                images.Add(new CalibrationImage(path, digit));
            }
        }
        return images;
    }

    private Matrix Logits(ZeroShotHead head, IImageEncoder encoder, IReadOnlyList<CalibrationImage> images)
    {
        var preprocessor = pretrained.Kind.OpenPreprocessor(pretrained.Path);
        using var noGrad = no_grad();
        var batch = PreprocessedImage.ToBatch(images.Select(image => preprocessor.Preprocess(File.ReadAllBytes(image.Path), image.Path)));
        var logits = head.Logits(encoder.Encode(batch)).to(ScalarType.Float64);
        return new Matrix(images.Count, 10, logits.data<double>().ToArray());
    }
}
