using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Jobs;

/// <summary><c>vrf jobs list</c>: every retrain job recorded in the model store, oldest first.</summary>
public sealed class JobsListCommand(Terminal terminal) : Command<JobsListSettings>
{
    public override int Execute(CommandContext context, JobsListSettings settings, CancellationToken cancellationToken)
    {
        var (models, jobs) = JobBus.Stores(settings.Store);
        var records = jobs.List((path, reason) => terminal.Warn($"left out the unreadable job record {path}: {reason}"));
        if (settings.Json)
        {
            terminal.WriteLine(JsonSerializer.Serialize(records, ManifestJson.Options));
            return 0;
        }
        if (records.Count == 0)
        {
            terminal.Out.MarkupLine($"The model store {Markup.Escape(models.Root)} holds no retrain jobs.");
            return 0;
        }
        // One line per job, the id first and whole (it is what `vrf jobs watch|cancel` take); --json has every field.
        foreach (var record in records)
        {
            terminal.WriteLine(Line(record));
        }
        return 0;
    }

    /// <summary>
    /// <c>ID  STATUS  MODEL@BASE -&gt; @RESULT  step S/T  loss L  REASON</c>, for example
    /// <c>2a41…  trained  pets@1 -&gt; @2  step 30/30  loss 0.117</c>.
    /// </summary>
    public static string Line(FineTuningJobRecord record)
    {
        var from = record.BaseVersion is { } baseVersion ? $"{record.ModelName}@{baseVersion}" : record.ModelName;
        var to = record.ResultVersion is { } version ? $" -> @{version}" : "";
        var loss = record.LastLoss is { } last ? string.Create(CultureInfo.InvariantCulture, $"  loss {last:0.000}") : "";
        var reason = record.Reason is { Length: > 0 } text ? $"  {text}" : "";
        return $"{record.JobId}  {StatusText(record),-10}  {from}{to}  step {StepText(record)}{loss}{reason}";
    }

    /// <summary>The status in the store's words, with "cancelling" for a job asked to stop that has not yet.</summary>
    public static string StatusText(FineTuningJobRecord record) =>
        record.CancelRequested && !record.IsFinal ? "cancelling" : record.Status.ToString().ToLowerInvariant();

    public static string StepText(FineTuningJobRecord record) =>
        record.TotalSteps > 0 ? string.Create(CultureInfo.InvariantCulture, $"{record.Step}/{record.TotalSteps}") : "-";
}
