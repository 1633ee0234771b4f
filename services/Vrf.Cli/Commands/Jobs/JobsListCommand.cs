using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Jobs;

/// <summary><c>vrf jobs list</c>: every retrain job recorded in the model store, oldest first.</summary>
public sealed class JobsListCommand : Command<JobsListSettings>
{
    public override int Execute(CommandContext context, JobsListSettings settings, CancellationToken cancellationToken)
    {
        var (models, jobs) = JobBus.Stores(settings.Store);
        var records = jobs.List((path, reason) => Terminal.Warn($"left out the unreadable job record {path}: {reason}"));
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(records, ManifestJson.Options));
            return 0;
        }
        if (records.Count == 0)
        {
            Terminal.Out.MarkupLine($"The model store {Markup.Escape(models.Root)} holds no retrain jobs.");
            return 0;
        }
        // The id is what `vrf jobs watch|cancel` take, so it is never wrapped; the other columns give way.
        var table = new Table().AddColumns(new TableColumn("Job").NoWrap(), new TableColumn("Model"), new TableColumn("Status"),
            new TableColumn("Base"), new TableColumn("Step"), new TableColumn("Loss"), new TableColumn("Result"), new TableColumn("Accepted"),
            new TableColumn("Reason"));
        foreach (var record in records)
        {
            table.AddRow(
                record.JobId.ToString(),
                Markup.Escape(record.ModelName),
                Markup.Escape(StatusText(record)),
                record.BaseVersion?.ToString(CultureInfo.InvariantCulture) ?? "-",
                StepText(record),
                record.LastLoss?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-",
                record.ResultVersion is { } version ? Markup.Escape($"{record.ModelName}@{version}") : "-",
                record.AcceptedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(record.Reason ?? ""));
        }
        Terminal.Out.Write(table);
        return 0;
    }

    /// <summary>The status in the store's words, with "cancelling" for a job asked to stop that has not yet.</summary>
    public static string StatusText(FineTuningJobRecord record) =>
        record.CancelRequested && !record.IsFinal ? "cancelling" : record.Status.ToString().ToLowerInvariant();

    public static string StepText(FineTuningJobRecord record) =>
        record.TotalSteps > 0 ? string.Create(CultureInfo.InvariantCulture, $"{record.Step}/{record.TotalSteps}") : "-";
}
