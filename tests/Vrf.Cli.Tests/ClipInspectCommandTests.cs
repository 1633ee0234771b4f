using Vrf.Testing;

namespace Vrf.Cli.Tests;

public sealed class ClipInspectCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Inspecting_the_fixture_model_writes_every_reference_tensor_within_its_tolerance()
    {
        var fixture = ClipTinyInspection.Load();
        using var directory = new TemporaryDirectory();
        var outFile = Path.Combine(directory.Path, "inspect.json");
        var arguments = new List<string> { "clip", "inspect", "--model", fixture.ModelFolder, "--out", outFile };
        arguments.AddRange(fixture.ImagePaths.SelectMany(path => new[] { "--image", path }));
        arguments.AddRange(fixture.Prompts.SelectMany(prompt => new[] { "--prompt", prompt }));
        arguments.AddRange(fixture.ClassNames.SelectMany(name => new[] { "--class", name }));
        arguments.AddRange(fixture.Templates.SelectMany(template => new[] { "--template", template }));

        var outcome = await VrfProcess.RunAsync([.. arguments]);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var written = ExpectedTensors.Load(outFile);
        Assert.Equal(fixture.Expected.Names.Order(), written.Names.Order());
        foreach (var name in fixture.Expected.Names)
        {
            var comparison = fixture.Expected.Compare(name, written[name].Shape, written[name].Data);
            output.WriteLine(comparison.Describe());
            Assert.True(comparison.Passed, comparison.Describe());
            Assert.Equal(fixture.Expected[name].DType, written[name].DType);
        }
    }

    [Fact]
    public async Task Without_an_out_file_a_summary_row_per_tensor_is_printed()
    {
        var fixture = ClipTinyInspection.Load();

        var outcome = await VrfProcess.RunAsync("clip", "inspect", "--model", fixture.ModelFolder,
            "--image", fixture.ImagePaths[0], "--prompt", fixture.Prompts[0]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("vision_pooled_output", outcome.Output);
        Assert.Contains("text_embeds_normalized", outcome.Output);
        Assert.Contains("logits_per_image", outcome.Output);
    }

    [Fact]
    public async Task A_folder_without_a_model_is_one_error_line_naming_the_missing_file()
    {
        using var directory = new TemporaryDirectory();

        var outcome = await VrfProcess.RunAsync("clip", "inspect", "--model", directory.Path, "--prompt", "a cat");

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("error:", line);
        Assert.Contains(directory.Path, line);
    }

    [Fact]
    public async Task An_image_that_does_not_decode_is_one_error_line_naming_the_file()
    {
        var fixture = ClipTinyInspection.Load();
        var notAnImage = Path.Combine(fixture.ModelFolder, "merges.txt");

        var outcome = await VrfProcess.RunAsync("clip", "inspect", "--model", fixture.ModelFolder, "--image", notAnImage);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.Contains("merges.txt", line);
    }
}
