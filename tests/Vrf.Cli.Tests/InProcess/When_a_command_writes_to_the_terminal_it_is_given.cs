using System.Text.Json;
using Spectre.Console.Cli;
using Vrf.Cli.Commands;
using Vrf.Cli.Commands.Jobs;
using Vrf.Cli.Commands.Models;
using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Testing;

namespace Vrf.Cli.Tests.InProcess;

/// <summary>Commands take their console from the type registrar: results land on the terminal's standard output,
/// warnings and errors on its standard error, with the same words and exit statuses as in a shell.</summary>
public sealed class When_a_command_writes_to_the_terminal_it_is_given : IDisposable
{
    private static readonly string Inputs = RepositoryPaths.Fixture("vrf", "case-visible-1", "inputs.json");

    private readonly TemporaryDirectory _store = new();

    [Fact]
    public async Task Jobs_list_prints_one_line_per_job_and_with_json_the_records_themselves()
    {
        var jobs = new FineTuningJobStore(new ModelStore(_store.Path));
        var first = Accept(new RetrainModel(Guid.NewGuid(), "pets", 1, "/data/train", "/data/val", Epochs: 3));
        var second = Accept(new RetrainModel(Guid.NewGuid(), "cars", null, "/data/cars/train", "/data/cars/val"));
        Assert.True(jobs.TryCreate(first) && jobs.TryCreate(second));

        using var lines = JobsList();
        using var json = JobsList();

        Assert.Equal(0, await lines.RunAsync("jobs", "list", "--store", _store.Path));
        Assert.Equal(0, await json.RunAsync("jobs", "list", "--store", _store.Path, "--json"));
        Assert.Equal(jobs.List().Select(JobsListCommand.Line), lines.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(lines.ErrorLines);
        using var records = JsonDocument.Parse(json.Output);
        Assert.Equal(jobs.List().Select(record => record.JobId),
            records.RootElement.EnumerateArray().Select(record => record.GetProperty("job_id").GetGuid()));
    }

    [Fact]
    public async Task Eval_cached_prints_its_table_on_standard_output_and_nothing_on_standard_error()
    {
        using var vrf = new InProcessVrf(config => config.AddCommand<EvalCachedCommand>("eval-cached"));

        Assert.Equal(0, await vrf.RunAsync("eval-cached", "--inputs", Inputs));

        Assert.Contains("Zero-shot", vrf.Output, StringComparison.Ordinal);
        Assert.Contains("Fine-tuned", vrf.Output, StringComparison.Ordinal);
        Assert.Empty(vrf.ErrorLines);
    }

    [Fact]
    public async Task A_user_error_is_one_red_line_on_standard_error_and_exit_status_2()
    {
        using var vrf = new InProcessVrf(config => config.AddBranch("models", models => { models.AddCommand<ModelsShowCommand>("show"); }));

        var status = await vrf.RunAsync("models", "show", "nope", "--store", _store.Path);

        Assert.Equal(2, status);
        Assert.Equal(["error: The model store has no model 'nope'."], vrf.ErrorLines);
        Assert.Empty(vrf.Output);
    }

    public void Dispose() => _store.Dispose();

    private static FineTuningJobRecord Accept(RetrainModel request) => FineTuningJobRecord.Accept(request, 1, DateTimeOffset.UtcNow);

    private static InProcessVrf JobsList() =>
        new(config => config.AddBranch("jobs", jobs => { jobs.AddCommand<JobsListCommand>("list"); }));
}
