using Vrf.Contracts;
using Vrf.Testing;
using Vrf.Training.Tests.Support;

namespace Vrf.Training.Tests;

/// <summary>
/// A job whose checkpoint folder fills up or turns read-only fails with an error naming the folder and the cause,
/// leaves only whole checkpoints (those written before the disk filled) and writes no version. The folder is on a
/// small tmpfs the test mounts; without the right to mount the tests are skipped with the reason.
/// </summary>
public sealed class When_checkpoints_cannot_be_written(TrainingWorkspace workspace) : IDisposable
{
    private const long TooSmallForTwoCheckpoints = 1L << 20;

    private SmallFileSystem? _disk;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_disk_fails_the_job_naming_the_checkpoint_folder_and_leaves_nothing_half_written()
    {
        var checkpoints = Mount(TooSmallForTwoCheckpoints);
        var job = Job();

        var error = await Assert.ThrowsAnyAsync<IOException>(() => workspace.NewFineTuner().RunAsync(job, checkpoints, null, Cancellation));

        Assert.Contains("No space left on device", error.Message);
        Assert.Contains(checkpoints, error.Message);
        Assert.All(Directory.EnumerateFileSystemEntries(checkpoints), entry =>
        {
            Assert.StartsWith("checkpoint-", Path.GetFileName(entry), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(entry, "state.json")), $"{entry} is a whole checkpoint, written before the disk filled");
        });
        Assert.DoesNotContain(workspace.Store.Versions(workspace.Base.Name), bundle => bundle.Manifest.Training?.JobId == job.JobId);
    }

    [Fact]
    public async Task A_read_only_disk_fails_the_job_naming_the_checkpoint_folder()
    {
        var checkpoints = Mount(TooSmallForTwoCheckpoints);
        _disk!.MakeReadOnly();
        var job = Job();

        var error = await Assert.ThrowsAnyAsync<IOException>(() => workspace.NewFineTuner().RunAsync(job, checkpoints, null, Cancellation));

        Assert.Contains("Read-only file system", error.Message);
        Assert.Contains(checkpoints, error.Message);
        Assert.DoesNotContain(workspace.Store.Versions(workspace.Base.Name), bundle => bundle.Manifest.Training?.JobId == job.JobId);
    }

    private FineTuningJob Job() => workspace.Job(FineTuningRecipe.EndToEnd, epochs: 1, learningRate: 1e-4, checkpointEverySteps: 2);

    private string Mount(long bytes)
    {
        _disk = SmallFileSystem.TryMount(bytes, out var refusal);
        if (_disk is null)
        {
            Assert.Skip(refusal);
        }
        return Directory.CreateDirectory(Path.Combine(_disk.Path, "checkpoints")).FullName;
    }

    public void Dispose() => _disk?.Dispose();
}
