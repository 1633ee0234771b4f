using System.Text.Json;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

/// <summary><c>vrf demo --quick</c> through the real tool, from empty folders: MNIST, the ResNet-18, the services in the tool.</summary>
public sealed class DemoCommandTests : IDisposable
{
    /// <summary>The quick demo takes a few minutes on a quiet 2-core machine; a loaded one needs far longer.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(40);

    private static readonly string[] Splits = ["id", "rotate", "shear", "shot-noise", "fog", "motion-blur", "inverse", "printed"];

    private readonly TemporaryDirectory _home = new();

    [Fact]
    public async Task The_quick_demo_fine_tunes_serves_and_evaluates_digits_and_a_second_run_reuses_its_data_and_model()
    {
        var first = await Demo("first.json");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        var output = OneLine(first.Output);
        Assert.Contains("Registered digits@1", output);
        Assert.Contains("digits@1 is ready", output);
        Assert.Contains("Published RetrainModel", output);
        Assert.Contains("digits@2 is served", output);
        Assert.Contains("A few results", output);
        Assert.Contains("Top-1 accuracy (%), digits@2", output);
        Assert.Contains("Wall time of each phase", output);
        // 300 test images are fewer than a window of the drift monitor: the report says so rather than replaying them.
        Assert.Contains("The drift monitor was not tried on these splits: the ID split holds 300 images, fewer than a window of the drift monitor (500).", output);
        Assert.DoesNotContain("Drift monitor, replayed", output);
        using var table = JsonDocument.Parse(await File.ReadAllTextAsync(_home.File("first.json"), TestContext.Current.CancellationToken));
        var methods = table.RootElement.GetProperty("methods");
        Assert.Equal(["zs", "ft", "ose", "wse", "vrf"], methods.EnumerateObject().Select(method => method.Name));
        foreach (var method in methods.EnumerateObject())
        {
            Assert.Equal([.. Splits, "ood_mean"], method.Value.EnumerateObject().Select(split => split.Name));
            Assert.All(method.Value.EnumerateObject(), split => Assert.InRange(split.Value.GetDouble(), 0, 1));
        }
        Assert.All(["zs", "ft", "vrf"], method => Assert.InRange(methods.GetProperty(method).GetProperty("id").GetDouble(), 0.3, 1));
        var diagnostics = table.RootElement.GetProperty("diagnostics");
        Assert.Equal(Splits, diagnostics.EnumerateObject().Select(split => split.Name));
        Assert.All(diagnostics.EnumerateObject(), split => Assert.InRange(split.Value.GetProperty("headroom").GetDouble(), 0, 1));
        Assert.All(Splits[1..], split => Assert.InRange(diagnostics.GetProperty(split).GetProperty("d_auroc").GetDouble(), 0, 1));
        Assert.Equal(5, table.RootElement.GetProperty("demo").GetProperty("phases").GetArrayLength());

        var second = await Demo("second.json");

        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        var again = OneLine(second.Output);
        Assert.Contains("Reusing the data an earlier run wrote", again);
        Assert.Contains("Reusing digits@1", again);
        Assert.Contains("Reusing digits@2", again);
        Assert.Contains("outputs from the cache", again);
        using var reused = JsonDocument.Parse(await File.ReadAllTextAsync(_home.File("second.json"), TestContext.Current.CancellationToken));
        Assert.Equal(methods.GetRawText(), reused.RootElement.GetProperty("methods").GetRawText());
    }

    public void Dispose() => _home.Dispose();

    private Task<VrfProcess.Outcome> Demo(string json) => VrfProcess.RunAsync(
        new Dictionary<string, string> { ["VRF_MODEL_STORE"] = _home.File("store"), ["VRF_BUS"] = "" },
        Limit, "demo", "--quick", "--data", _home.File("data"), "--json", _home.File(json));

    private static string OneLine(string output) => string.Join(' ', output.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
