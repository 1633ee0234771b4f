using Vrf.Contracts;
using Vrf.Serving.Datasets;
using Vrf.Serving.Store;
using Vrf.Testing.Models;
using Vrf.Training.Tests.Support;

namespace Vrf.Training.Tests;

public sealed class FineTunerInputTests(TrainingWorkspace workspace)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_missing_training_folder_is_a_dataset_error_naming_it()
    {
        var missing = Path.Combine(workspace.NewFolder(), "nowhere");
        var job = workspace.Job(FineTuningRecipe.EndToEnd) with { TrainPath = missing };

        var error = await Assert.ThrowsAsync<DatasetException>(() => workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), null, Cancellation));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loss_that_is_no_longer_finite_stops_the_job_at_that_step_with_what_to_change()
    {
        var job = workspace.Job(FineTuningRecipe.EndToEnd, epochs: 3, learningRate: 1e30, baseVersion: workspace.ConvNetBase);

        var error = await Assert.ThrowsAsync<TrainingDivergedException>(() => workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), null, Cancellation));

        Assert.Contains("Training diverged", error.Message, StringComparison.Ordinal);
        Assert.Contains("Lower the learning rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_training_folder_without_images_is_a_dataset_error()
    {
        var empty = workspace.NewFolder();
        foreach (var name in TinyWorkspace.ClassNames)
        {
            Directory.CreateDirectory(Path.Combine(empty, name));
        }
        var job = workspace.Job(FineTuningRecipe.EndToEnd) with { TrainPath = empty };

        var error = await Assert.ThrowsAsync<DatasetException>(() => workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), null, Cancellation));

        Assert.Contains("holds no images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_training_image_that_does_not_decode_is_left_out_of_every_epoch()
    {
        var train = workspace.NewFolder();
        foreach (var file in Directory.EnumerateFiles(workspace.Workspace.Train, "*.png", SearchOption.AllDirectories))
        {
            var target = Path.Combine(train, Path.GetRelativePath(workspace.Workspace.Train, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(train, TinyWorkspace.ClassNames[0], "999.png"), "not a png");
        var job = workspace.Job(FineTuningRecipe.LinearProbe, epochs: 1, batchSize: 6) with { TrainPath = train };

        var outcome = await workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), null, Cancellation);

        Assert.Equal(3, outcome.Steps);
        Assert.Equal(19, outcome.Bundle.Manifest.Datasets.Train.ImageCount);
    }

    [Fact]
    public async Task Training_images_that_do_not_decode_are_skipped_and_none_decoding_is_a_clear_error()
    {
        var broken = workspace.NewFolder();
        foreach (var name in TinyWorkspace.ClassNames)
        {
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(broken, name)).FullName, "000.png"), "not a png");
        }
        var job = workspace.Job(FineTuningRecipe.LinearProbe) with { TrainPath = broken };

        var error = await Assert.ThrowsAsync<DatasetException>(() => workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), null, Cancellation));

        Assert.Contains("None of the 3 training images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_base_version_is_a_model_not_found_error()
    {
        var job = workspace.Job(FineTuningRecipe.EndToEnd) with { BaseVersion = new ModelVersionId(workspace.Base.Name, 999) };

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), null, Cancellation));

        Assert.Contains("no version 999", error.Message, StringComparison.Ordinal);
    }
}
