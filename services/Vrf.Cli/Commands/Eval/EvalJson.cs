using System.Text.Encodings.Web;
using System.Text.Json;
using Vrf.Serving.Evaluation;

namespace Vrf.Cli.Commands.Eval;

/// <summary>
/// <c>vrf eval --json</c>: <c>{"model": "name@v", "methods": {"zs": {"id": 0.83, "&lt;ood&gt;": …, "ood_mean": …}, …},
/// "params": {…}, "diagnostics": {"&lt;split&gt;": {"headroom": …, "d_auroc": …, "false_alarms_per_100_windows" (ID) or
/// "monitor_detection": {"runs", "detected", "median_results", "max_results", "median_results_to_clear"} (OOD)}},
/// "splits": {…}}</c>, accuracies and
/// diagnostics in [0, 1], <c>ood_mean</c> null without OOD splits, <c>d_auroc</c> null for the ID split.
/// </summary>
internal static class EvalJson
{
    /// <param name="more">Writes members of the caller's own after the table's (the demo's phase times).</param>
    public static void Write(ModelEvaluation evaluation, Stream output, Action<Utf8JsonWriter>? more = null)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("model", evaluation.Model.ToString());

        json.WriteStartObject("methods");
        foreach (var method in evaluation.Methods)
        {
            json.WriteStartObject(method.Key());
            foreach (var split in evaluation.Splits)
            {
                json.WriteNumber(split.Name, split.Accuracies[method]);
            }
            if (evaluation.OutOfDistributionMean(method) is { } mean)
            {
                json.WriteNumber(ModelEvaluationRequest.OutOfDistributionMeanName, mean);
            }
            else
            {
                json.WriteNull(ModelEvaluationRequest.OutOfDistributionMeanName);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();

        var p = evaluation.Parameters;
        json.WriteStartObject("params");
        json.WriteNumber("ose_alpha", p.OseAlpha);
        if (evaluation.WeightSpace is { } choice)
        {
            json.WriteNumber("wse_alpha", choice.Alpha);
            json.WriteBoolean("wse_alpha_chosen_on_validation", choice.ChosenOnValidation);
            json.WriteStartArray("wse_validation_accuracies");
            foreach (var point in choice.Search?.PerAlpha() ?? [])
            {
                json.WriteStartObject();
                json.WriteNumber("alpha", point.Alpha);
                json.WriteNumber("accuracy", point.Accuracy);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("wse_alpha");
        }
        json.WriteNumber("a", p.A);
        json.WriteNumber("b", p.B);
        json.WriteNumber("k", p.K);
        json.WriteString("k_rule", p.KRule.ToString().ToLowerInvariant());
        json.WriteNumber("zsf_size", p.FailureSetSize);
        json.WriteNumber("t_zs", p.ZeroShotTemperature);
        json.WriteNumber("t_ft", p.FineTunedTemperature);
        json.WriteString("tuned_on", p.TunedOn.ToString().ToLowerInvariant());
        json.WriteEndObject();

        json.WriteStartObject("diagnostics");
        foreach (var split in evaluation.Splits)
        {
            json.WriteStartObject(split.Name);
            json.WriteNumber("headroom", split.Diagnostics.Headroom);
            if (split.Diagnostics.DistanceAuroc is { } auroc)
            {
                json.WriteNumber("d_auroc", auroc);
            }
            else
            {
                json.WriteNull("d_auroc");
            }
            WriteMonitor(json, split.Diagnostics);
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartObject("splits");
        foreach (var split in evaluation.Splits)
        {
            json.WriteStartObject(split.Name);
            json.WriteString("folder", split.Folder);
            json.WriteNumber("images", split.Images);
            json.WriteNumber("skipped", split.Skipped);
            json.WriteNumber("classes", split.Classes);
            json.WriteBoolean("cached", split.Cached);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        more?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary>The drift monitor's trials: <c>false_alarms_per_100_windows</c> for the ID split, <c>monitor_detection</c>
    /// for a shifted one; absent without a validation distribution.</summary>
    private static void WriteMonitor(Utf8JsonWriter json, SplitDiagnostics diagnostics)
    {
        if (diagnostics.FalseAlarms is { } alarms)
        {
            json.WriteNumber("false_alarms_per_100_windows", alarms.Per100Windows);
        }
        if (diagnostics.Detection is { } detection)
        {
            json.WriteStartObject("monitor_detection");
            json.WriteNumber("runs", detection.Runs);
            json.WriteNumber("detected", detection.Detected);
            WriteCount(json, "median_results", detection.MedianResults);
            WriteCount(json, "max_results", detection.MaxResults);
            WriteCount(json, "median_results_to_clear", detection.MedianResultsToClear);
            json.WriteEndObject();
        }
    }

    private static void WriteCount(Utf8JsonWriter json, string name, int? count)
    {
        if (count is { } value)
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
