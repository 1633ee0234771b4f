using System.Text.Json;
using System.Text.RegularExpressions;
using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Cli.Tests;

/// <summary>
/// vrf retrain and vrf jobs as a user runs them in embedded mode (<c>--bus memory</c>: the fine-tuning and failure-index
/// services in the tool's own process), on a store with the ready model "tiny" and its tiny drawn ImageFolders.
/// </summary>
public sealed partial class RetrainCommandTests(ReadyModelFixture fixture) : IClassFixture<ReadyModelFixture>
{
    private string Store => fixture.Store.Root;

    private string[] Folders => ["--train", fixture.Store.Workspace.Train, "--val", fixture.Store.Workspace.Validation];

    [Fact]
    public async Task Retrain_in_memory_trains_a_version_that_is_indexed_promoted_and_listed_as_a_trained_job()
    {
        var run = await VrfProcess.RunAsync(["retrain", "--bus", "memory", "--store", Store, "--model", ReadyModelStore.ModelName,
            "--base", "1", .. Folders, "--epochs", "2", "--batch-size", "6", "--seed", "3", "--checkpoint-every", "2"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var jobId = Guid.Parse(JobLine().Match(OneLine(run.Output)).Groups["id"].Value);
        var trained = TrainedLine().Match(OneLine(run.Output));
        Assert.True(trained.Success, run.Output);
        var version = new ModelVersionId(ReadyModelStore.ModelName, int.Parse(trained.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ModelStatus.Ready, new ModelStore(Store).Get(version).Status);

        var list = await VrfProcess.RunAsync("jobs", "list", "--store", Store, "--json");
        Assert.True(list.ExitCode == 0, list.Error);
        var job = JsonSerializer.Deserialize<FineTuningJobRecord[]>(list.Output, ManifestJson.Options)!.Single(record => record.JobId == jobId);
        Assert.Equal(FineTuningJobStatus.Trained, job.Status);
        Assert.Equal(version.Version, job.ResultVersion);
        Assert.Equal(1, job.BaseVersion);
        Assert.Equal(job.TotalSteps, job.Step);
        Assert.Equal(6, job.TotalSteps);
        Assert.False(Directory.Exists(new FineTuningJobStore(new ModelStore(Store)).CheckpointFolder(jobId)));
        var lines = await VrfProcess.RunAsync("jobs", "list", "--store", Store);
        Assert.Contains($"{jobId}  trained     {ReadyModelStore.ModelName}@1 -> @{version.Version}  step 6/6  loss ",
            lines.Output.Split('\n').Single(line => line.StartsWith(jobId.ToString(), StringComparison.Ordinal)));

        var watch = await VrfProcess.RunAsync("jobs", "watch", jobId.ToString(), "--bus", "memory", "--store", Store);
        Assert.True(watch.ExitCode == 0, watch.Output + watch.Error);
        Assert.Contains($"Job {jobId}: trained", OneLine(watch.Output));
        Assert.Contains($"trained {version}, which is ready and promoted", OneLine(watch.Output));

        var cancel = await VrfProcess.RunAsync("jobs", "cancel", jobId.ToString(), "--bus", "memory", "--store", Store);
        Assert.Equal(2, cancel.ExitCode);
        Assert.Equal([$"error: Job {jobId} already ended: it is trained."], cancel.ErrorLines);
    }

    [Fact]
    public async Task A_retrain_of_an_unknown_model_fails_with_the_services_reason_and_exit_code_2()
    {
        var run = await VrfProcess.RunAsync(["retrain", "--bus", "memory", "--store", Store, "--model", "nope", .. Folders]);

        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.Matches(@"^error: Job [0-9a-f-]{36} failed: The model store has no model 'nope'\.$", error);
    }

    [Fact]
    public async Task Cancelling_a_job_in_memory_stops_it_and_records_it_cancelled()
    {
        var jobs = new FineTuningJobStore(new ModelStore(Store));
        var request = new RetrainModel(Guid.NewGuid(), ReadyModelStore.ModelName, 1, fixture.Store.Workspace.Train, fixture.Store.Workspace.Validation,
            Epochs: RetrainRules.MaxEpochs, BatchSize: 2, CheckpointEverySteps: 1000);
        Assert.True(jobs.TryCreate(FineTuningJobRecord.Accept(request, 1, DateTimeOffset.UtcNow)));

        var cancel = await VrfProcess.RunAsync("jobs", "cancel", request.JobId.ToString(), "--bus", "memory", "--store", Store, "--reason", "wrong data");

        Assert.True(cancel.ExitCode == 0, cancel.Output + cancel.Error);
        Assert.Matches($@"Job {request.JobId} cancelled after \d+ step\(s\)\.", OneLine(cancel.Output));
        var record = jobs.Find(request.JobId)!;
        Assert.Equal(FineTuningJobStatus.Cancelled, record.Status);
        Assert.Equal("wrong data", record.Reason);
        Assert.Null(record.ResultVersion);
        Assert.False(Directory.Exists(jobs.CheckpointFolder(request.JobId)));
    }

    [Fact]
    public async Task Bad_command_lines_and_unknown_jobs_are_one_red_line_and_exit_code_2()
    {
        var recipe = await VrfProcess.RunAsync(["retrain", "--bus", "memory", "--store", Store, "--model", "tiny", .. Folders, "--recipe", "best"]);
        Assert.Equal(2, recipe.ExitCode);
        Assert.Equal(["error: --recipe must be end-to-end, linear-probe or lp-ft, not 'best'"], recipe.ErrorLines);

        var unknown = Guid.NewGuid();
        var watch = await VrfProcess.RunAsync("jobs", "watch", unknown.ToString(), "--store", Store);
        Assert.Equal(2, watch.ExitCode);
        Assert.Contains($"has no job {unknown}", Assert.Single(watch.ErrorLines));

        var notAnId = await VrfProcess.RunAsync("jobs", "cancel", "job-7", "--store", Store);
        Assert.Equal(2, notAnId.ExitCode);
        Assert.StartsWith("error: 'job-7' is not a job id", Assert.Single(notAnId.ErrorLines));
    }

    /// <summary>The output with Spectre's line wrapping undone.</summary>
    private static string OneLine(string output) => string.Join(' ', output.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"Job (?<id>[0-9a-f-]{36}): a new version of")]
    private static partial Regex JobLine();

    [GeneratedRegex(@"trained tiny@(?<version>\d+)")]
    private static partial Regex TrainedLine();
}
