using System.Text.Json;
using Vrf.Serving.Scoring;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Cli.Tests;

/// <summary>vrf classify in embedded mode (<c>--bus memory</c>: the three services in the tool's own process), as a
/// user runs it, checked against the in-process reference classifier.</summary>
public sealed class ClassifyCommandTests(ReadyModelFixture fixture) : IClassFixture<ReadyModelFixture>
{
    private const double Tolerance = 1e-5;

    [Fact]
    public async Task A_dozen_images_give_the_in_process_reference_as_json_lines_and_a_throughput_summary()
    {
        var run = await Classify(["--json", "--top-k", "3", .. fixture.Drawn.Select(fixture.Image)]);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ReadyModelFixture.DrawnImages, lines.Length);
        foreach (var line in lines)
        {
            using var result = JsonDocument.Parse(line);
            await AssertMatchesReference(result.RootElement, new ClassificationRequest(TopK: 3));
        }
        Assert.Equal(fixture.Drawn.Select(fixture.Image).Order(), lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("file").GetString()).Order());
        var summary = Assert.Single(run.ErrorLines);
        Assert.Matches(@"^12 image\(s\) in \d+\.\d\d s \(\d+\.\d images/s\): 12 classified, 0 failed\.$", summary);
    }

    [Theory]
    [InlineData("zero-shot", null, ScoringMode.ZeroShot)]
    [InlineData("fine-tuned", null, ScoringMode.FineTuned)]
    [InlineData("ose", "0.3", ScoringMode.OutputSpace)]
    public async Task Each_ensemble_mode_gives_the_reference_of_that_mode(string mode, string? alpha, ScoringMode scoring)
    {
        string[] options = alpha is null ? ["--mode", mode] : ["--mode", mode, "--alpha", alpha];

        var run = await Classify(["--json", "--top-k", "3", .. options, fixture.Image(fixture.Drawn[0]), fixture.Image(fixture.Drawn[1])]);

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var result = JsonDocument.Parse(line);
            Assert.Equal(mode, result.RootElement.GetProperty("mode").GetString());
            await AssertMatchesReference(result.RootElement, new ClassificationRequest(scoring, alpha is null ? null : 0.3, 3));
        }
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_fails_alone_with_its_reason_and_exit_code_3()
    {
        var run = await Classify("--json", fixture.NotAnImage, fixture.Image(fixture.Drawn[2]));

        Assert.Equal(3, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var failure = Assert.Single(lines, line => line.TryGetProperty("error", out _));
        Assert.Equal(fixture.NotAnImage, failure.GetProperty("file").GetString());
        Assert.Equal("embedding", failure.GetProperty("stage").GetString());
        Assert.Contains("not a supported image format", failure.GetProperty("error").GetString());
        Assert.Equal("invalid_image", failure.GetProperty("kind").GetString());
        Assert.Single(lines, line => line.TryGetProperty("class", out _));
        Assert.EndsWith("1 classified, 1 failed.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task The_table_shows_a_row_per_image_and_ends_with_the_throughput()
    {
        var run = await Classify(fixture.Image(fixture.Drawn[0]), fixture.Image(fixture.Drawn[4]), fixture.NotAnImage);

        Assert.Equal(3, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("File", lines[0]);
        Assert.Contains("ω", lines[0]);
        Assert.Contains(lines, line => line.StartsWith("drawn-00.png", StringComparison.Ordinal) && line.Contains("tiny@1", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("drawn-04.png", StringComparison.Ordinal) && line.Contains("tiny@1", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("notes.txt  failed (embedding)", StringComparison.Ordinal));
        Assert.Matches(@"^3 image\(s\) in .* images/s\): 2 classified, 1 failed\.$", lines[^1]);
    }

    [Theory]
    [InlineData("--mode", "nearest", "--mode must be vrf, zero-shot, fine-tuned or ose")]
    [InlineData("--alpha", "0.3", "--alpha is only used with --mode ose")]
    [InlineData("--bus", "kafka://broker", "the scheme 'kafka' is not rabbitmq, amqp, rabbitmqs or amqps")]
    [InlineData("--model", "Not A Name", "not a valid model name")]
    public async Task Bad_options_are_one_line_and_exit_code_2(string option, string value, string message)
    {
        var run = await Classify(option, value, fixture.Image(fixture.Drawn[0]));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_missing_file_is_one_line_before_anything_is_classified()
    {
        var run = await Classify(fixture.Image("absent.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"error: Image file '{fixture.Image("absent.png")}' does not exist."], run.ErrorLines);
        Assert.Empty(run.Output);
    }

    private async Task AssertMatchesReference(JsonElement result, ClassificationRequest request)
    {
        var image = await File.ReadAllBytesAsync(result.GetProperty("file").GetString()!, TestContext.Current.CancellationToken);
        var (expected, distance) = await fixture.Store.ClassifyAsync(image, request, TestContext.Current.CancellationToken);
        Assert.Equal(ReadyModelStore.ModelName, result.GetProperty("model").GetString());
        Assert.Equal(fixture.Store.Ready.Id.Version, result.GetProperty("version").GetInt32());
        Assert.Equal(expected.Predicted.Name, result.GetProperty("class").GetString());
        Assert.Equal(expected.Predicted.Index, result.GetProperty("class_index").GetInt32());
        Assert.Equal(expected.Weight, result.GetProperty("omega").GetDouble(), Tolerance);
        Assert.Equal(distance, result.GetProperty("d").GetDouble(), Tolerance);
        var topClasses = result.GetProperty("top_classes").EnumerateArray().ToList();
        Assert.Equal(expected.TopClasses.Count, topClasses.Count);
        foreach (var listed in topClasses)
        {
            Assert.Equal(expected.Score.Probabilities[listed.GetProperty("index").GetInt32()], listed.GetProperty("probability").GetDouble(), Tolerance);
        }
        Assert.Equal(expected.ZeroShotTop.Name, result.GetProperty("zero_shot").GetProperty("name").GetString());
        Assert.Equal(expected.FineTunedTop.Name, result.GetProperty("fine_tuned").GetProperty("name").GetString());
        Assert.Equal(["decode", "preprocess", "batch-wait", "encode", "lookup-wait", "failure-lookup", "score"],
            result.GetProperty("timings_ms").EnumerateObject().Select(timing => timing.Name));
    }

    private Task<VrfProcess.Outcome> Classify(params string[] arguments) =>
        VrfProcess.RunAsync(["classify", "--bus", "memory", "--store", fixture.Store.Root, "--model", ReadyModelStore.ModelName, .. arguments]);
}
