using Vrf.Digits.Glyphs;
using Vrf.Testing;

namespace Vrf.Digits.Tests;

public sealed class When_class_names_are_drawn_as_glyphs
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    [Fact]
    public void The_same_templates_draw_the_same_pixels()
    {
        var set = GlyphTemplateSet.Create(GlyphFonts.Templates.Take(3), strokes: [0f, 0.08f], angles: [-12f, 12f]);
        using var first = new GlyphRenderer();
        using var second = new GlyphRenderer();

        var a = first.RenderAll(Digits, set, TestContext.Current.CancellationToken);
        var b = second.RenderAll(Digits, GlyphTemplateSet.FromLines(set.ToLines(), "replayed"), TestContext.Current.CancellationToken);

        Assert.Equal(10 * set.Templates.Count, a.Count);
        Assert.Equal(a.Select(r => (r.ClassName, r.Template)), b.Select(r => (r.ClassName, r.Template)));
        Assert.All(a.Zip(b), pair => Assert.Equal(pair.First.Image.Bytes.ToArray(), pair.Second.Image.Bytes.ToArray()));
    }

    [Fact]
    public void Every_font_draws_each_digit_framed_like_mnist()
    {
        using var renderer = new GlyphRenderer();

        foreach (var font in GlyphFonts.Templates.Concat(GlyphFonts.HeldOut))
        {
            var image = renderer.Render("4", new GlyphTemplate(font.File, 48, 0.04f, 6f));

            Assert.NotNull(image);
            Assert.Equal(28, image.Width);
            Assert.Equal(20, Math.Max(Drawings.InkBox(image).Width, Drawings.InkBox(image).Height));
            var (x, y) = Drawings.CentreOfMass(image);
            Assert.InRange(x, 12.5, 14.5);
            Assert.InRange(y, 12.5, 14.5);
        }
    }

    [Fact]
    public void Strokes_and_angles_change_the_drawing()
    {
        using var renderer = new GlyphRenderer();
        var font = GlyphFonts.Templates[0].File;

        var plain = renderer.Render("7", new GlyphTemplate(font, 48, 0, 0))!.Bytes.ToArray();

        Assert.NotEqual(plain, renderer.Render("7", new GlyphTemplate(font, 48, 0.08f, 0))!.Bytes.ToArray());
        Assert.NotEqual(plain, renderer.Render("7", new GlyphTemplate(font, 48, 0, 12))!.Bytes.ToArray());
        Assert.True(renderer.Render("7", new GlyphTemplate(font, 48, 0.08f, 0))!.Bytes.ToArray().Sum(p => p) > plain.Sum(p => p));
    }

    [Fact]
    public void The_held_out_fonts_come_from_other_packages_than_the_templates()
    {
        Assert.Empty(GlyphFonts.HeldOut.Select(f => f.Package).Intersect(GlyphFonts.Templates.Select(f => f.Package)));
    }

    [Fact]
    public void The_set_up_script_installs_every_font_package()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "install-prerequisites.sh"));

        Assert.All(GlyphFonts.Packages, package => Assert.Contains($" {package}", script));
    }

    [Fact]
    public void Replaying_with_a_different_font_file_is_refused()
    {
        using var root = new TemporaryDirectory();
        var font = GlyphFonts.Templates[0];
        var copy = Path.Combine(root.Path, font.File);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Path.Combine(GlyphFonts.DefaultRoot, font.File), copy);
        var set = GlyphTemplateSet.Create([font], root.Path);
        set.CheckFonts(root.Path);

        File.AppendAllText(copy, "changed");

        var error = Assert.Throws<InvalidDataException>(() => set.CheckFonts(root.Path));
        Assert.Contains(font.File, error.Message);
    }

    [Fact]
    public void A_missing_font_names_its_debian_package()
    {
        using var root = new TemporaryDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => GlyphTemplateSet.Create([GlyphFonts.HeldOut[0]], root.Path));

        Assert.Contains(GlyphFonts.HeldOut[0].Package, error.Message);
    }
}
