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
            .AddColumn(new TableColumn("Shift detection (AUROC of d)").RightAligned())
            .AddColumn(new TableColumn("Drift monitor").RightAligned());
        foreach (var split in evaluation.Splits)
        {
            table.AddRow(
                Markup.Escape(split.Name),
                split.Images.ToString("N0", CultureInfo.InvariantCulture),
                split.Classes.ToString(CultureInfo.InvariantCulture),
                Percent(split.Diagnostics.Headroom),
                split.Diagnostics.DistanceAuroc is { } auroc ? auroc.ToString("F3", CultureInfo.InvariantCulture) : "–",
                Monitor(split.Diagnostics));
        }
        return table.Caption("Headroom: share the zero-shot model gets right and the fine-tuned one wrong (no ensemble can gain more). " +
                             "Shift detection: how well d tells the split from the ID images (0.5 chance, 1 perfect). " +
                             "Drift monitor: the split's images replayed through the monitor's window (default settings): false alarms per " +
                             "100 windows of ID traffic; for a shifted split, after a window of ID traffic, the results until the alarm " +
                             "(median, most) in the runs that raised it.");
    }

    private static string Monitor(SplitDiagnostics diagnostics) => diagnostics switch
    {
        { FalseAlarms: { } alarms } => Invariant($"{alarms.Per100Windows:0.##} false alarm{(alarms.Per100Windows == 1 ? "" : "s")} / 100 windows"),
        { Detection: { Detected: 0 } detection } => Invariant($"no alarm in {detection.Runs} runs"),
        { Detection: { } detection } => Invariant($"alarm after {detection.MedianResults} (≤ {detection.MaxResults}) in {detection.Detected}/{detection.Runs} runs"),
        _ => "–",
    };

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
