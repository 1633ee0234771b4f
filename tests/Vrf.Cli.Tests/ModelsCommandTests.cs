using System.Text.Json;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

/// <summary>
/// vrf models import, list and show as a user runs them, on the clip-tiny fixture used as both the zero-shot and the
/// "fine-tuned" model (so the failure set is empty) and ImageFolders made of the fixture's PNGs. Imports run the
/// failure-index service in the tool's process (<c>--bus memory</c>).
/// </summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public ModelsCommandTests()
    {
        File.WriteAllLines(_folder.File("classes.txt"), ["checker", "rings"]);
        File.WriteAllLines(_folder.File("templates.txt"), ["a photo of a {}."]);
        foreach (var split in new[] { "train", "val" })
        {
            Place(split, "checker", "checker_32.png", "gradient_32.png");
            Place(split, "rings", "rings_32.png", "stripes_noise_32.png", "disk_50x40.png");
        }
    }

    private string Store => _folder.File("store");

    [Fact]
    public async Task Import_builds_a_ready_version_that_list_and_show_describe()
    {
        var imported = await Import("tiny");

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("Imported tiny@1", imported.Output);
        Assert.Contains("the failure-index service in this process builds its index", string.Join(' ', imported.Output.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("tiny@1 is ready: |V| = 0, K = 1 (paper rule)", imported.Output);
        Assert.Contains(imported.ErrorLines, line => line.StartsWith("warning: The zero-shot failure set is empty", StringComparison.Ordinal));
        Assert.Contains(imported.ErrorLines, line => line.StartsWith("warning: No validation folder", StringComparison.Ordinal));

        var second = await Import("tiny", "--val", _folder.File("val"), "--k-rule", "code", "--test", _folder.File("val"));
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("tiny@2 is ready", second.Output);

        var list = await VrfProcess.RunAsync("models", "list", "--store", Store);
        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Equal(2, list.Output.Split('\n').Count(line => line.Contains("tiny", StringComparison.Ordinal) && line.Contains("ready", StringComparison.Ordinal)));

        var shown = await VrfProcess.RunAsync("models", "show", "tiny", "--json", "--store", Store);
        Assert.True(shown.ExitCode == 0, shown.Error);
        using var manifest = JsonDocument.Parse(shown.Output);
        Assert.Equal(2, manifest.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("ready", manifest.RootElement.GetProperty("status").GetString());
        Assert.Equal("code", manifest.RootElement.GetProperty("parameters").GetProperty("k_rule").GetString());
        Assert.Equal("validation", manifest.RootElement.GetProperty("parameters").GetProperty("tuned_on").GetString());
        Assert.Equal(5, manifest.RootElement.GetProperty("datasets").GetProperty("validation").GetProperty("image_count").GetInt32());
        Assert.Equal(5, manifest.RootElement.GetProperty("datasets").GetProperty("test").GetProperty("image_count").GetInt32());

        var first = await VrfProcess.RunAsync("models", "show", "tiny@1", "--store", Store);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("tiny@1", first.Output);
        Assert.Contains("a = 1.5, b = 0.6 (defaults)", first.Output);
    }

    [Fact]
    public async Task The_store_comes_from_VRF_MODEL_STORE_when_no_option_names_one()
    {
        var run = await VrfProcess.RunAsync(new Dictionary<string, string> { ["VRF_MODEL_STORE"] = Store }, "models", "list");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(Path.GetFullPath(Store), run.Output.Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_model_is_one_red_line_and_exit_code_2()
    {
        var run = await VrfProcess.RunAsync("models", "show", "nope@3", "--store", Store);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: The model store has no model 'nope'."], run.ErrorLines);
    }

    [Fact]
    public async Task A_dataset_without_a_class_folder_is_one_line_naming_it_and_no_version_is_made()
    {
        Directory.Delete(_folder.File("train/rings"), recursive: true);

        var run = await Import("tiny");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: Dataset folder", line);
        Assert.Contains("'rings'", line);
        var list = await VrfProcess.RunAsync("models", "list", "--store", Store);
        Assert.Contains("holds no models", list.Output.Replace("\n", " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--k-rule", "explicit", "needs -k N")]
    [InlineData("--k-rule", "nearest", "must be paper, code or explicit")]
    [InlineData("--name", "Bad Name", "not a valid model name")]
    [InlineData("--image-size", "32", "apply only without --zero-shot and --fine-tuned")]
    [InlineData("--encoder", "resnet18-imagenet", "no text tower to build a zero-shot head from prompts")]
    public async Task Bad_options_are_one_line_and_exit_code_2(string option, string value, string message)
    {
        var run = await Import("tiny", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrorLines));
    }

    private Task<VrfProcess.Outcome> Import(string name, params string[] extra) =>
        VrfProcess.RunAsync([
            "models", "import", "--name", name,
            "--zero-shot", RepositoryPaths.Fixture("clip-tiny"), "--fine-tuned", RepositoryPaths.Fixture("clip-tiny"),
            "--classes", _folder.File("classes.txt"), "--templates", _folder.File("templates.txt"),
            "--train", _folder.File("train"), "--store", Store, "--bus", "memory", .. extra]);

    private void Place(string split, string className, params string[] fixtureImages)
    {
        var folder = Directory.CreateDirectory(_folder.File(Path.Combine(split, className))).FullName;
        foreach (var image in fixtureImages)
        {
            File.Copy(RepositoryPaths.Fixture("clip-tiny", image), Path.Combine(folder, image));
        }
    }

    public void Dispose() => _folder.Dispose();
}
