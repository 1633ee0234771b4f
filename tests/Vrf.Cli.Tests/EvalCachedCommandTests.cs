using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

public sealed class EvalCachedCommandTests : IDisposable
{
    private static readonly string Inputs = RepositoryPaths.Fixture("vrf", "case-visible-1", "inputs.json");
    private static readonly string Expected = RepositoryPaths.Fixture("vrf", "case-visible-1", "expected.json");

    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public async Task With_out_it_writes_every_field_of_the_expected_file_within_tolerance()
    {
        var results = _folder.File("results/visible.json");

        var run = await VrfProcess.RunAsync("eval-cached", "--inputs", Inputs, "--out", results);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Error);
        var differences = VrfFixtureComparison.CompareFiles(Expected, results, requireEveryField: true);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(30)));
    }

    [Fact]
    public async Task Without_out_it_prints_each_method_s_accuracy_on_each_test_split()
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Expected));
        var root = expected.RootElement;

        var run = await VrfProcess.RunAsync("eval-cached", "--inputs", Inputs);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n');
        var header = Assert.Single(lines, line => line.Contains("Method", StringComparison.Ordinal));
        var tests = root.GetProperty("tests").EnumerateArray().ToArray();
        Assert.All(tests, test => Assert.Contains(test.GetProperty("name").GetString()!, header));
        AssertRow(lines, "Zero-shot", tests.Select(t => t.GetProperty("zs_acc").GetDouble()));
        AssertRow(lines, "Fine-tuned", tests.Select(t => t.GetProperty("ft_acc").GetDouble()));
        AssertRow(lines, $"OSE (α = {Number(root, "ose_alpha")})", tests.Select(t => t.GetProperty("ose_acc_at_alpha").GetDouble()));
        var parameters = FixtureInputs()["params"]!;
        AssertRow(lines, $"VRF (a = {Number(parameters["a"]!)}, b = {Number(parameters["b"]!)}, given)", tests.Select(t => t.GetProperty("vrf_acc").GetDouble()));
        AssertRow(lines, $"VRF (a = {Number(root, "vrf_a")}, b = {Number(root, "vrf_b")}, tuned)", tests.Select(t => t.GetProperty("vrf_tuned_acc").GetDouble()));
        Assert.Contains($"|V| = {root.GetProperty("zsf_size").GetInt32()} of 3000 training rows", run.Output);
        Assert.Contains($"K = {root.GetProperty("K").GetInt32()} (code rule", run.Output);
        Assert.Contains($"T_zs = {root.GetProperty("T_zs").GetDouble().ToString("F4", CultureInfo.InvariantCulture)}", run.Output);
        Assert.Contains($"T_ft = {root.GetProperty("T_ft").GetDouble().ToString("F4", CultureInfo.InvariantCulture)}", run.Output);
    }

    [Fact]
    public async Task Help_describes_both_options()
    {
        var run = await VrfProcess.RunAsync("eval-cached", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--inputs <FILE>", run.Output);
        Assert.Contains("--out <FILE>", run.Output);
        Assert.Contains("expected.json schema", run.Output);
    }

    [Fact]
    public async Task An_empty_failure_set_is_one_yellow_warning_line_and_the_evaluation_still_runs()
    {
        var inputs = FixtureInputs();
        inputs["train"]!["logits_zs"] = inputs["train"]!["logits_ft"]!.DeepClone();
        var path = Save(inputs);

        var run = await VrfProcess.RunAsync("eval-cached", "--inputs", path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("warning: the zero-shot failure set is empty", Assert.Single(run.ErrorLines));
        Assert.Contains("VRF (a = 1.0, b = 0.3, given)", run.Output);
    }

    [Fact]
    public async Task An_explicit_K_above_the_failure_set_size_is_clamped_with_a_warning()
    {
        var inputs = FixtureInputs();
        inputs["params"]!["k_rule"] = "explicit";
        inputs["params"]!["k"] = 5000;
        var results = _folder.File("clamped.json");

        var run = await VrfProcess.RunAsync("eval-cached", "--inputs", Save(inputs), "--out", results);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("warning: explicit K = 5000 is outside [1, |V| = ", Assert.Single(run.ErrorLines));
        using var written = JsonDocument.Parse(File.ReadAllBytes(results));
        Assert.Equal(written.RootElement.GetProperty("zsf_size").GetInt32(), written.RootElement.GetProperty("K").GetInt32());
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "missing-field", "missing field val.labels" },
        { "short-row", "train.feats_ft[2]: expected 16 values (feature_dim), found 15" },
        { "nan", "non-finite number NaN at line 1" },
        { "unknown-rule", "params.k_rule: unknown K rule \"nearest\"" },
        { "bad-label", "tests[shift].labels[0]: 5 is outside 0..4" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_one_error_line_without_a_stack_trace(string problem, string message)
    {
        var path = _folder.File($"{problem}.json");
        File.WriteAllText(path, BadInput(problem));

        var run = await VrfProcess.RunAsync("eval-cached", "--inputs", path);

        AssertUserError(run, message);
    }

    [Theory]
    [InlineData("missing required option 'inputs'", "eval-cached")]
    [InlineData("Unknown option 'bogus'", "eval-cached", "--inputs", "x.json", "--bogus")]
    [InlineData("--out needs a FILE", "eval-cached", "--inputs", "x.json", "--out")]
    [InlineData("cannot read /nonexistent/inputs.json", "eval-cached", "--inputs", "/nonexistent/inputs.json")]
    public async Task A_bad_command_line_is_one_error_line_without_a_stack_trace(string message, params string[] arguments)
    {
        AssertUserError(await VrfProcess.RunAsync(arguments), message);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertUserError(VrfProcess.Outcome run, string message)
    {
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(message, line);
        Assert.DoesNotContain(" at ", run.Error.Replace(line, "", StringComparison.Ordinal));
        Assert.Empty(run.Output.Trim());
    }

    private static void AssertRow(string[] lines, string method, IEnumerable<double> accuracies)
    {
        var row = Assert.Single(lines, line => line.StartsWith('│') && line.Contains(method, StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([method, .. accuracies.Select(a => (a * 100).ToString("F1", CultureInfo.InvariantCulture))], cells);
    }

    private static string Number(JsonElement root, string name) =>
        root.GetProperty(name).GetDouble().ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Number(JsonNode value) => value.GetValue<double>().ToString("0.0##", CultureInfo.InvariantCulture);

    private static JsonObject FixtureInputs() => JsonNode.Parse(File.ReadAllText(Inputs))!.AsObject();

    private string Save(JsonObject inputs)
    {
        var path = _folder.File($"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, inputs.ToJsonString());
        return path;
    }

    private static string BadInput(string problem)
    {
        var inputs = FixtureInputs();
        switch (problem)
        {
            case "missing-field":
                inputs["val"]!.AsObject().Remove("labels");
                break;
            case "short-row":
                inputs["train"]!["feats_ft"]![2]!.AsArray().RemoveAt(0);
                break;
            case "nan":
                inputs["val"]!["logits_zs"]![0]![0] = 12345.5;
                return inputs.ToJsonString().Replace("12345.5", "NaN", StringComparison.Ordinal);
            case "unknown-rule":
                inputs["params"]!["k_rule"] = "nearest";
                break;
            case "bad-label":
                inputs["tests"]![1]!["labels"]![0] = 5;
                break;
        }
        return inputs.ToJsonString();
    }
}
