using Vrf.Encoders.ZeroShot;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Model;

public sealed class PromptTemplateTests
{
    [Fact]
    public void OpenAi_imagenet_templates_are_eighty_distinct_templates_with_one_placeholder_each()
    {
        Assert.Equal(80, ImageNetTemplates.OpenAi.Count);
        Assert.Equal(80, ImageNetTemplates.OpenAi.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ImageNetTemplates.OpenAi, t => Assert.Equal(1, CountPlaceholders(t)));
    }

    [Fact]
    public void A_template_file_skips_blank_and_comment_lines()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("templates.txt");
        File.WriteAllLines(path, ["# digits", "", "a photo of the number {}.", "   ", "  a drawing of {}  ", "#a {} commented out"]);

        Assert.Equal(["a photo of the number {}.", "a drawing of {}"], PromptTemplates.Load(path));
    }

    [Fact]
    public void A_template_line_without_a_placeholder_is_an_error_naming_the_file_and_line()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("templates.txt");
        File.WriteAllLines(path, ["a photo of a {}.", "a photo of a cat."]);

        var error = Assert.Throws<FormatException>(() => PromptTemplates.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Filling_a_template_puts_the_class_name_at_the_placeholder()
    {
        Assert.Equal("itap of a goldfish.", PromptTemplates.Fill("itap of a {}.", "goldfish"));
    }

    private static int CountPlaceholders(string template) =>
        (template.Length - template.Replace(PromptTemplates.Placeholder, "", StringComparison.Ordinal).Length) / 2;
}
