using System.Globalization;
using Spectre.Console;
using Vrf.Serving.Evaluation;

namespace Vrf.Cli.Commands.Eval;

/// <summary>
/// The paper-style table of <c>vrf eval</c>: top-1 accuracy (%) per method (rows) and split (columns: ID, each OOD
/// split, the OOD mean); below it, per split, the headroom and the shift detection of d; then the OSE α, the WSE α,
/// (a, b), K, |V| and the temperatures.
/// </summary>
internal static class EvalTable
{
    public static void Render(IAnsiConsole console, ModelEvaluation evaluation)
    {
        var table = new Table()
            .Title($"Top-1 accuracy (%), {Markup.Escape(evaluation.Model.ToString())}")
            .AddColumn("Method");
        foreach (var split in evaluation.Splits)
        {
            table.AddColumn(new TableColumn(Markup.Escape(split.Name)).RightAligned());
        }
        if (evaluation.OutOfDistribution.Count > 0)
        {
            table.AddColumn(new TableColumn("OOD mean").RightAligned());
        }
        foreach (var method in evaluation.Methods)
        {
            var cells = evaluation.Splits.Select(split => Percent(split.Accuracies[method])).ToList();
            if (evaluation.OutOfDistributionMean(method) is { } mean)
            {
                cells.Add(Percent(mean));
            }
            table.AddRow([Markup.Escape(Label(method)), .. cells]);
        }
        console.Write(table);
        console.Write(Diagnostics(evaluation));
        if (evaluation.InDistribution.Diagnostics.FalseAlarms is not null)
        {
            console.Write(DriftMonitor(evaluation));
        }

        var p = evaluation.Parameters;
        var tunedOn = p.TunedOn.ToString().ToLowerInvariant();
        console.WriteLine(Invariant($"OSE α = {p.OseAlpha:0.0##} ({tunedOn})"));
        if (evaluation.WeightSpace is { } choice)
        {
            console.WriteLine(Invariant($"WSE α = {choice.Alpha:0.0##} ") + (choice.Search is { } search
                ? Invariant($"(chosen on validation: accuracy {Percent(search.Accuracies.Max())}%)")
                : "(default: no validation images)"));
        }
        console.WriteLine(Invariant($"VRF (a, b) = ({p.A:0.0##}, {p.B:0.0##}) ({tunedOn}), K = {p.K} ({p.KRule.ToString().ToLowerInvariant()} rule), |V| = {p.FailureSetSize}"));
        console.WriteLine(Invariant($"T_zs = {p.ZeroShotTemperature:F4}, T_ft = {p.FineTunedTemperature:F4}"));
    }

    private static Table Diagnostics(ModelEvaluation evaluation)
    {
        var table = new Table()
            .Title("Per split")
            .AddColumn("Split")
            .AddColumn(new TableColumn("Images").RightAligned())
            .AddColumn(new TableColumn("Classes").RightAligned())
            .AddColumn(new TableColumn("Headroom (%)").RightAligned())
            .AddColumn(new TableColumn("Shift detection (AUROC of d)").RightAligned());
        foreach (var split in evaluation.Splits)
        {
            table.AddRow(
                Markup.Escape(split.Name),
                split.Images.ToString("N0", CultureInfo.InvariantCulture),
                split.Classes.ToString(CultureInfo.InvariantCulture),
                Percent(split.Diagnostics.Headroom),
                split.Diagnostics.DistanceAuroc is { } auroc ? auroc.ToString("F3", CultureInfo.InvariantCulture) : "–");
        }
        return table.Caption("Headroom: share the zero-shot model gets right and the fine-tuned one wrong (no ensemble can gain more). " +
                             "Shift detection: how well d tells the split from the ID images (0.5 chance, 1 perfect).");
    }

    /// <summary>The drift monitor's trials (<see cref="SplitDiagnostics"/>), when they were run.</summary>
    private static Table DriftMonitor(ModelEvaluation evaluation)
    {
        var table = new Table()
            .Title("Drift monitor, replayed")
            .AddColumn("Split")
            .AddColumn(new TableColumn("False alarms / 100 windows").RightAligned())
            .AddColumn(new TableColumn("Alarm raised").RightAligned())
            .AddColumn(new TableColumn("Results to alarm").RightAligned())
            .AddColumn(new TableColumn("Results to clear").RightAligned());
        foreach (var split in evaluation.Splits)
        {
            var (alarms, detection) = (split.Diagnostics.FalseAlarms, split.Diagnostics.Detection);
            table.AddRow(
                Markup.Escape(split.Name),
                alarms is null ? "" : Invariant($"{alarms.Per100Windows:0.##}"),
                detection is null ? "" : Invariant($"{detection.Detected}/{detection.Runs} runs"),
                detection?.MedianResults is { } median ? Invariant($"{median} (≤ {detection.MaxResults})") : "",
                detection?.MedianResultsToClear is { } clear ? Invariant($"{clear}") : "");
        }
        return table.Caption("Each split's images, scored with VRF, replayed through the monitor's window (default settings) against the " +
                             "version's validation distribution: false alarms in 100 windows of ID traffic; for a shifted split, 20 runs of a " +
                             "window of ID traffic, then the split: results until the alarm (median, most) and ID results until it cleared.");
    }

    private static string Label(EvaluationMethod method) => method switch
    {
        EvaluationMethod.ZeroShot => "Zero-shot (zs)",
        EvaluationMethod.FineTuned => "Fine-tuned (ft)",
        EvaluationMethod.OutputSpace => "Output-space ensemble (ose)",
        EvaluationMethod.WeightSpace => "Weight-space ensemble (wse)",
        EvaluationMethod.Vrf => "VRF (vrf)",
        _ => method.Key(),
    };

    private static string Percent(double accuracy) => (accuracy * 100).ToString("F1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
