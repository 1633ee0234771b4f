using Vrf.Clip.Inspection;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Inspection;

public sealed class ClipInspectionTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_stage_of_the_fixture_model_matches_the_reference_within_its_tolerance()
    {
        var fixture = ClipTinyInspection.Load();
        var report = ClipInspection.Run(new ClipInspectionRequest(
            fixture.ModelFolder, fixture.ImagePaths, fixture.Prompts, fixture.ClassNames, fixture.Templates));

        Assert.Equal(fixture.Expected.Names.Order(), report.Tensors.Select(t => t.Name).Order());
        foreach (var name in fixture.Expected.Names)
        {
            var actual = report[name];
            var comparison = fixture.Expected.Compare(name, actual.Shape, actual.Data);
            output.WriteLine(comparison.Describe());
            Assert.True(comparison.Passed, comparison.Describe());
            Assert.Equal(fixture.Expected[name].DType, actual.DType);
        }
    }

    [Fact]
    public void A_prompt_longer_than_77_tokens_is_truncated_with_a_warning()
    {
        var fixture = ClipTinyInspection.Load();
        var longPrompt = string.Join(' ', Enumerable.Repeat("photo", 90));

        var report = ClipInspection.Run(new ClipInspectionRequest(fixture.ModelFolder, [], ["a cat", longPrompt], [], []));

        var warning = Assert.Single(report.Warnings);
        Assert.Contains("prompt 2", warning);
        Assert.Contains("truncated", warning);
        Assert.Equal([2, 77], report["input_ids"].Shape);
    }

    [Fact]
    public void Without_any_input_there_is_nothing_to_inspect()
    {
        var fixture = ClipTinyInspection.Load();

        var error = Assert.Throws<ArgumentException>(
            () => ClipInspection.Run(new ClipInspectionRequest(fixture.ModelFolder, [], [], [], [])));

        Assert.Contains("Nothing to inspect", error.Message);
    }
}
