using System.Text.Json;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

/// <summary>vrf eval and vrf models wse as a user runs them, on the tiny model and drawn, inverted and redrawn splits.</summary>
public sealed class EvalCommandTests(EvalStoreFixture fixture) : IClassFixture<EvalStoreFixture>, IDisposable
{
    private static readonly string[] MethodKeys = ["zs", "ft", "ose", "wse", "vrf"];

    private readonly TemporaryDirectory _output = new();

    private string Root => fixture.Store.Root;

    private string CacheFolder => Path.Combine(Root, ".cache", "tiny", "1");

    [Fact]
    public async Task Eval_prints_the_papers_table_writes_the_json_and_a_second_run_reuses_the_cached_outputs()
    {
        var first = await Eval("--id", fixture.Id, "--ood", $"inverted={fixture.Inverted}", "--ood", $"redrawn={fixture.Redrawn}",
            "--json", _output.File("first.json"));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Top-1 accuracy (%), tiny@1", first.Output);
        foreach (var row in new[] { "Zero-shot (zs)", "Fine-tuned (ft)", "Output-space ensemble (ose)", "Weight-space ensemble (wse)", "VRF (vrf)", "OOD mean" })
        {
            Assert.Contains(row, first.Output);
        }
        Assert.Contains("WSE α = ", first.Output);
        Assert.Contains("(chosen on validation", first.Output);
        Assert.Contains("OSE α = ", first.Output);
        Assert.Contains("VRF (a, b) = (", first.Output);
        Assert.Contains("T_zs = ", first.Output);
        Assert.Equal(3, Occurrences(first.Output, "outputs computed and cached"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_output.File("first.json"), TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("tiny@1", root.GetProperty("model").GetString());
        Assert.Equal(MethodKeys, root.GetProperty("methods").EnumerateObject().Select(method => method.Name));
        foreach (var method in root.GetProperty("methods").EnumerateObject())
        {
            Assert.Equal(["id", "inverted", "redrawn", "ood_mean"], method.Value.EnumerateObject().Select(split => split.Name));
            Assert.All(method.Value.EnumerateObject(), split => Assert.InRange(split.Value.GetDouble(), 0, 1));
            var ood = (method.Value.GetProperty("inverted").GetDouble() + method.Value.GetProperty("redrawn").GetDouble()) / 2;
            Assert.Equal(ood, method.Value.GetProperty("ood_mean").GetDouble(), 12);
        }
        var diagnostics = root.GetProperty("diagnostics");
        Assert.Equal(["id", "inverted", "redrawn"], diagnostics.EnumerateObject().Select(split => split.Name));
        Assert.All(diagnostics.EnumerateObject(), split => Assert.InRange(split.Value.GetProperty("headroom").GetDouble(), 0, 1));
        Assert.Equal(JsonValueKind.Null, diagnostics.GetProperty("id").GetProperty("d_auroc").ValueKind);
        Assert.InRange(diagnostics.GetProperty("inverted").GetProperty("d_auroc").GetDouble(), 0, 1);
        Assert.Contains("Shift detection (AUROC of d)", first.Output);
        var parameters = root.GetProperty("params");
        Assert.InRange(parameters.GetProperty("wse_alpha").GetDouble(), 0, 1);
        Assert.Equal(11, parameters.GetProperty("wse_validation_accuracies").GetArrayLength());
        foreach (var key in new[] { "ose_alpha", "a", "b", "k", "t_zs", "t_ft" })
        {
            Assert.Equal(JsonValueKind.Number, parameters.GetProperty(key).ValueKind);
        }
        var cached = CacheFiles();
        Assert.NotEmpty(cached);

        var second = await Eval("--id", fixture.Id, "--ood", $"inverted={fixture.Inverted}", "--ood", $"redrawn={fixture.Redrawn}",
            "--json", _output.File("second.json"));

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(3, Occurrences(second.Output, "outputs from the cache"));
        using var again = JsonDocument.Parse(await File.ReadAllTextAsync(_output.File("second.json"), TestContext.Current.CancellationToken));
        Assert.Equal(root.GetProperty("methods").GetRawText(), again.RootElement.GetProperty("methods").GetRawText());
        Assert.Equal(cached, CacheFiles());
    }

    [Fact]
    public async Task Only_the_methods_asked_for_are_scored_and_without_ood_splits_the_mean_is_null()
    {
        var run = await Eval("--id", fixture.Id, "--methods", "vrf,zs", "--json", _output.File("table.json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("OOD mean", run.Output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_output.File("table.json"), TestContext.Current.CancellationToken));
        Assert.Equal(["zs", "vrf"], json.RootElement.GetProperty("methods").EnumerateObject().Select(method => method.Name));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("methods").GetProperty("vrf").GetProperty("ood_mean").ValueKind);
    }

    [Theory]
    [InlineData("nobody", "", "error: The model store has no model 'nobody'.")]
    [InlineData("tiny@2", "", "error: Model tiny@2 is indexing and cannot be served.")]
    [InlineData("tiny@1", "--ood|inverted", "error: --ood needs NAME=DIR (a column name, '=', an image folder), not 'inverted'")]
    [InlineData("tiny@1", "--methods|zs,best", "error: --methods: unknown method(s) 'best': choose from zs, ft, ose, wse, vrf")]
    [InlineData("tiny@1", "--ood|id=ID", "error: 'id' is a reserved column name; give the OOD split another name.")]
    public async Task What_cannot_be_evaluated_is_one_red_line_and_exit_code_2(string model, string extra, string error)
    {
        var arguments = new List<string> { "eval", "--model", model, "--id", fixture.Id, "--store", Root };
        arguments.AddRange(extra.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(argument => argument.Replace("ONE_CLASS", fixture.OneClass, StringComparison.Ordinal).Replace("=ID", $"={fixture.Id}", StringComparison.Ordinal)));

        var run = await VrfProcess.RunAsync([.. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(error, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task An_ood_folder_of_some_of_the_classes_is_scored_over_those_with_the_others_masked()
    {
        var run = await Eval("--id", CopyOfId(), "--ood", $"one={fixture.OneClass}", "--json", _output.File("masked.json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("scored over its 1 of the 3 classes (the others masked)", OneLine(run.Output));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_output.File("masked.json"), TestContext.Current.CancellationToken));
        Assert.All(json.RootElement.GetProperty("methods").EnumerateObject(), method => Assert.Equal(1, method.Value.GetProperty("one").GetDouble()));
        Assert.Equal(1, json.RootElement.GetProperty("splits").GetProperty("one").GetProperty("classes").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetProperty("one").GetProperty("headroom").GetDouble());
    }

    [Fact]
    public async Task Without_id_the_recorded_test_split_is_needed()
    {
        var run = await VrfProcess.RunAsync("eval", "--model", "tiny@1", "--store", Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: Model tiny@1 has no test split recorded: give the ID test images (--id DIR), or import the model with --test DIR."],
            run.ErrorLines);
    }

    [Fact]
    public async Task Models_wse_makes_an_indexed_version_whose_manifest_records_the_alpha_chosen_on_validation()
    {
        var run = await VrfProcess.RunAsync("models", "wse", "tiny@1", "--bus", "memory", "--store", Root);

        Assert.True(run.ExitCode == 0, run.Error);
        var output = OneLine(run.Output);
        Assert.Contains("chosen on the validation images of tiny@1", output);
        Assert.Contains("Created tiny@3, the weight-space ensemble of tiny@1", output);
        Assert.Contains("tiny@3 is ready", output);
        var shown = await VrfProcess.RunAsync("models", "show", "tiny@3", "--json", "--store", Root);
        Assert.True(shown.ExitCode == 0, shown.Error);
        using var manifest = JsonDocument.Parse(shown.Output);
        var record = manifest.RootElement.GetProperty("weight_space_ensemble");
        Assert.Equal(1, record.GetProperty("source_version").GetInt32());
        Assert.True(record.GetProperty("chosen_on_validation").GetBoolean());
        Assert.Equal(11, record.GetProperty("validation_accuracies").GetArrayLength());
        Assert.Equal("ready", manifest.RootElement.GetProperty("status").GetString());

        var refused = await VrfProcess.RunAsync("models", "wse", "tiny@1", "--alpha", "1.5", "--bus", "memory", "--store", Root);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(["error: --alpha must lie in [0, 1], not 1.5"], refused.ErrorLines);
    }

    [Theory]
    [InlineData("eval", "--json <FILE>")]
    [InlineData("models|wse", "--alpha <A>")]
    [InlineData("classify", "--alpha <A>")]
    public async Task The_help_lists_the_options(string command, string option)
    {
        var run = await VrfProcess.RunAsync([.. command.Split('|'), "--help"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(option, run.Output);
        Assert.Contains("[0, 1]", run.Output);
    }

    public void Dispose() => _output.Dispose();

    private Task<VrfProcess.Outcome> Eval(params string[] extra) =>
        VrfProcess.RunAsync(["eval", "--model", "tiny@1", "--store", Root, .. extra]);

    private Dictionary<string, DateTime> CacheFiles() =>
        Directory.GetFiles(CacheFolder).ToDictionary(path => path, File.GetLastWriteTimeUtc);

    /// <summary>How often a phrase occurs in the output, whose lines Spectre wraps at 80 columns when it is redirected.</summary>
    /// <summary>The ID split in a folder of this test's own, so its cached outputs (kept per folder) are not the
    /// shared split's, whose first evaluation another test expects to compute.</summary>
    private string CopyOfId()
    {
        var copy = _output.File("id");
        foreach (var file in Directory.EnumerateFiles(fixture.Id, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(fixture.Id, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private static int Occurrences(string output, string phrase) =>
        OneLine(output).Split(phrase).Length - 1;

    private static string OneLine(string output) => string.Join(' ', output.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
