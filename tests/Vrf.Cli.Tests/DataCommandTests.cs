using Vrf.Cli.Tests.Support;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

public sealed class DataCommandTests
{
    [Fact]
    public async Task Mnist_is_written_as_three_image_folders_and_a_rerun_keeps_what_is_there()
    {
        using var directory = new TemporaryDirectory();
        string[] arguments = ["data", "mnist", "--out", directory.Path, "--val-per-class", "1", "--train-limit", "20", "--test-limit", "5"];

        var first = await VrfProcess.RunAsync(arguments);
        var second = await VrfProcess.RunAsync(arguments);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("train: 20 images", first.Output);
        Assert.Contains("val: 10 images", first.Output);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(directory.Path, "test"), "*.png", SearchOption.AllDirectories).Length);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("0 written, 20 already there from an earlier run (kept)", second.Output.ReplaceLineEndings(" ").Replace("  ", " "));
    }

    /// <summary>The whole of MNIST takes seconds to write; the signal comes once the first images are in place.</summary>
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_stops_the_export_with_exit_code_130_and_keeps_the_images_written(string signal)
    {
        using var directory = new TemporaryDirectory();
        using var export = SignalledCommand.Start("data", "mnist", "--out", directory.Path);
        await export.UntilAsync(() => Directory.Exists(directory.Path) &&
            Directory.EnumerateFiles(directory.Path, "*.png", SearchOption.AllDirectories).Any(), "its first image");

        await export.SignalAndWaitForExitAsync(signal, " during the export");

        Assert.True(export.ExitCode == 130, $"exit code {export.ExitCode}: {export.Error}{export.Output}");
        Assert.Contains("the images written so far are kept and a re-run goes on from there", export.Error);
        var written = Directory.GetFiles(directory.Path, "*.png", SearchOption.AllDirectories);
        Assert.NotEmpty(written);
        Assert.True(written.Length < 70_000, $"{written.Length} images: the export finished before the signal");
    }

    [Fact]
    public async Task Shifted_splits_are_written_one_folder_per_shift()
    {
        using var directory = new TemporaryDirectory();

        var outcome = await VrfProcess.RunAsync("data", "mnist-shifts", "--out", directory.Path, "--shifts", "rotate,printed", "--test-limit", "4");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal(["printed", "rotate"], Directory.GetDirectories(directory.Path).Select(Path.GetFileName).Order());
        Assert.Equal(4, Directory.GetFiles(Path.Combine(directory.Path, "printed"), "*.png", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task An_unknown_shift_is_one_error_line_naming_the_shifts()
    {
        using var directory = new TemporaryDirectory();

        var outcome = await VrfProcess.RunAsync("data", "mnist-shifts", "--out", directory.Path, "--shifts", "snow");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: --shifts: 'snow' is not a shift; the shifts are rotate, shear", Assert.Single(outcome.ErrorLines));
    }

    [Fact]
    public async Task Without_the_mnist_files_the_error_says_how_to_get_them()
    {
        using var directory = new TemporaryDirectory();

        var outcome = await VrfProcess.RunAsync("data", "mnist", "--out", directory.Path, "--mnist", Path.Combine(directory.Path, "none"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("scripts/install-prerequisites.sh data", Assert.Single(outcome.ErrorLines));
    }
}
