using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Cli.Tests;

/// <summary>
/// vrf models retire as a user runs it (<c>--bus memory</c>), on a store where the tiny model has two ready versions,
/// imported and indexed in this process as <see cref="ReadyModelStore"/> does it.
/// </summary>
public sealed class ModelsRetireCommandTests : IAsyncLifetime
{
    private const string Model = "tiny";

    private readonly TinyWorkspace _workspace = new();

    public async ValueTask InitializeAsync()
    {
        await using var serving = _workspace.Services();
        for (var i = 0; i < 2; i++)
        {
            var imported = serving.GetRequiredService<ModelImporter>().Import(_workspace.Request(Model));
            await serving.GetRequiredService<FailureIndexBuilder>().BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _workspace.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Retiring_the_current_version_shows_it_retired_and_makes_the_previous_one_current()
    {
        var retired = await Retire("tiny@2");

        Assert.True(retired.ExitCode == 0, retired.Error);
        Assert.Equal("Retired tiny@2; the current version is tiny@1.", OneLine(retired.Output));
        var list = await VrfProcess.RunAsync("models", "list", "--store", _workspace.Store);
        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Equal(["ready", "retired"], StatusesIn(list.Output));
        Assert.Equal(("retired", 2), await Shown("tiny@2"));
        Assert.Equal(("ready", 1), await Shown(Model));
    }

    [Fact]
    public async Task Retiring_the_last_ready_version_says_that_none_is_current()
    {
        Assert.Equal(0, (await Retire("tiny@1")).ExitCode);

        var retired = await Retire("tiny@2");

        Assert.True(retired.ExitCode == 0, retired.Error);
        Assert.Equal("Retired tiny@2; 'tiny' has no ready version now, so requests without a version are refused.", OneLine(retired.Output));
    }

    [Theory]
    [InlineData("tiny@9", "error: Model 'tiny' has no version 9 (versions: 1, 2).")]
    [InlineData("nobody@1", "error: The model store has no model 'nobody'.")]
    [InlineData("tiny", "error: name the version to retire as NAME@VERSION, not 'tiny'")]
    public async Task A_version_that_cannot_be_retired_is_one_red_line_and_exit_code_2_and_nothing_changes(string model, string error)
    {
        var run = await Retire(model);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([error], run.ErrorLines);
        var list = await VrfProcess.RunAsync("models", "list", "--store", _workspace.Store);
        Assert.Equal(["ready", "ready"], StatusesIn(list.Output));
    }

    [Fact]
    public async Task Retiring_a_retired_version_again_is_refused()
    {
        Assert.Equal(0, (await Retire("tiny@1")).ExitCode);

        var again = await Retire("tiny@1");

        Assert.Equal(2, again.ExitCode);
        Assert.Equal(["error: Model tiny@1 is already retired."], again.ErrorLines);
    }

    private Task<VrfProcess.Outcome> Retire(string model) =>
        VrfProcess.RunAsync("models", "retire", model, "--store", _workspace.Store, "--bus", "memory");

    private async Task<(string Status, int Version)> Shown(string model)
    {
        var shown = await VrfProcess.RunAsync("models", "show", model, "--json", "--store", _workspace.Store);
        Assert.True(shown.ExitCode == 0, shown.Error);
        using var manifest = JsonDocument.Parse(shown.Output);
        return (manifest.RootElement.GetProperty("status").GetString()!, manifest.RootElement.GetProperty("version").GetInt32());
    }

    /// <summary>
    /// The status cells of the list's rows of the tiny model, in version order. The table wraps at 80 columns when its
    /// output is redirected, so a row's continuation lines (an empty name cell) add to its cells.
    /// </summary>
    private static List<string> StatusesIn(string list)
    {
        var statuses = new List<string>();
        foreach (var cells in list.Split('\n').Select(line => line.Split('│')).Where(cells => cells.Length > 4))
        {
            var (name, status) = (cells[1].Trim(), cells[3].Trim());
            if (name == Model)
            {
                statuses.Add(status);
            }
            else if (name.Length == 0 && statuses.Count > 0)
            {
                statuses[^1] += status;
            }
        }
        return statuses;
    }

    private static string OneLine(string output) =>
        string.Join(' ', output.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
