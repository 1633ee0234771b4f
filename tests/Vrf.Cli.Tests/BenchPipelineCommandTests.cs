using System.Text.Json;
using Vrf.Cli.Tests.Support;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Cli.Tests;

/// <summary>
/// vrf bench pipeline as a user runs it, on the in-memory bus and a handful of images: the JSON holds the ceiling and
/// each measured load run with exactly the documented fields, the pipeline is warmed up first, and the ViT-B/32-sized
/// model is made for the run when asked for instead of a stored one; a non-image is refused first, and Ctrl+C stops a run.
/// </summary>
public sealed class BenchPipelineCommandTests(ReadyModelFixture fixture) : IClassFixture<ReadyModelFixture>, IDisposable
{
    private static readonly string[] RowFields = ["model", "transport", "mode", "images_per_s", "p50_ms", "p95_ms", "p99_ms", "failed"];

    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public async Task A_short_run_on_the_memory_bus_warms_up_then_writes_the_ceiling_and_every_load_run()
    {
        var json = _folder.File("pipeline.json");

        var run = await Bench(["--model", ReadyModelStore.ModelName, "--store", fixture.Store.Root, "--count", "12", "--in-flight", "4",
            "--warm-up", "1", "--json", json, .. Images()]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("warm-up: 1 s of closed loop, 4 in flight", run.Error);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var rows = report.RootElement.GetProperty("pipeline").EnumerateArray().ToList();
        Assert.Equal(
            [("in-process", "closed"), ("memory", "closed"), ("memory", "open-50"), ("memory", "open-90")],
            rows.Select(row => (row.GetProperty("transport").GetString(), row.GetProperty("mode").GetString())));
        Assert.All(rows, row =>
        {
            Assert.Equal(RowFields, row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(ReadyModelStore.ModelName, row.GetProperty("model").GetString());
            Assert.True(row.GetProperty("images_per_s").GetDouble() > 0);
            Assert.Equal(0, row.GetProperty("failed").GetInt32());
        });
    }

    [Fact]
    public async Task With_vit_b32_it_makes_a_ViT_B_32_sized_model_in_a_store_of_its_own_and_classifies_with_it()
    {
        var json = _folder.File("vit.json");
        var emptyStore = Directory.CreateDirectory(_folder.File("untouched-store")).FullName;

        var run = await Bench(["--vit-b32", "--store", emptyStore, "--count", "4", "--in-flight", "4", "--warm-up", "0", "--open-loop", "false",
            "--json", json, .. Images()]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("vit-b32@1 is ready", run.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var rows = report.RootElement.GetProperty("pipeline").EnumerateArray().ToList();
        Assert.Equal(["in-process", "memory"], rows.Select(row => row.GetProperty("transport").GetString()));
        Assert.All(rows, row => Assert.Equal("vit-b32", row.GetProperty("model").GetString()));
        Assert.Equal(0, rows[1].GetProperty("failed").GetInt32());
        Assert.Empty(Directory.EnumerateFileSystemEntries(emptyStore));
    }

    [Theory]
    [InlineData("--model is required", "--count", "4")]
    [InlineData("--vit-b32 makes its own model: leave --model out", "--vit-b32", "--model", "tiny")]
    [InlineData("--warm-up -1 should not be negative", "--model", "tiny", "--warm-up", "-1")]
    public async Task Contradictory_or_missing_options_are_refused_before_anything_runs(string reason, params string[] options)
    {
        var run = await Bench(options);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(reason, run.Output + run.Error);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_before_anything_runs()
    {
        var run = await Bench(["--model", ReadyModelStore.ModelName, "--store", fixture.Store.Root, "--image", fixture.NotAnImage]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Cannot decode image '{fixture.NotAnImage}'", run.Error);
        Assert.DoesNotContain("Starting the services", run.Error);
    }

    [Theory]
    [InlineData("nosuch", "error: The model store has no model 'nosuch'.")]
    [InlineData(ReadyModelStore.ModelName + "@9", "has no version 9")]
    public async Task A_model_the_store_cannot_serve_is_refused_before_anything_runs(string model, string reason)
    {
        var run = await Bench(["--model", model, "--store", fixture.Store.Root, .. Images()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Ctrl_C_during_the_warm_up_stops_it_at_once_with_exit_code_130()
    {
        using var bench = SignalledCommand.Start(["bench", "pipeline", "--transports", "memory", "--model", ReadyModelStore.ModelName,
            "--store", fixture.Store.Root, "--warm-up", "300", .. Images()]);
        await bench.UntilAsync(() => bench.Error.Contains("warm-up:", StringComparison.Ordinal), "its warm-up");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        await bench.SignalAndWaitForExitAsync("INT", " during the warm-up");
        Assert.True(bench.ExitCode == 130, $"exit code {bench.ExitCode}: {bench.Error}{bench.Output}");
        Assert.Contains("interrupted", bench.Error);
    }

    public void Dispose() => _folder.Dispose();

    private string[] Images() => [.. fixture.Drawn.Take(4).SelectMany(name => new[] { "--image", fixture.Image(name) })];

    private static Task<VrfProcess.Outcome> Bench(params string[] options) =>
        VrfProcess.RunAsync(["bench", "pipeline", "--transports", "memory", .. options]);
}
