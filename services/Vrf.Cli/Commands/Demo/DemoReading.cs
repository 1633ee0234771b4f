using System.Globalization;
using Spectre.Console;
using Vrf.Serving.Evaluation;

namespace Vrf.Cli.Commands.Demo;

/// <summary>
/// What the demo's table says, in words and from its own figures: how VRF compares with the fine-tuned model, how much
/// any per-image ensemble could gain (the headroom), and how well d tells shifted images from ID ones; then the paper's
/// result, which needs a zero-shot model that is strong where the fine-tuned one is weak (CLIP on ImageNet's shifts).
/// </summary>
internal static class DemoReading
{
    public static void Explain(Terminal terminal, ModelEvaluation evaluation)
    {
        var id = evaluation.InDistribution;
        var shifted = evaluation.OutOfDistribution;
        double Ood(EvaluationMethod method) => evaluation.OutOfDistributionMean(method) ?? double.NaN;
        string Both(EvaluationMethod method) => $"{Percent(id.Accuracies[method])} / {Percent(Ood(method))}";
        var headrooms = shifted.Select(split => split.Diagnostics.Headroom).ToList();
        var aurocs = shifted.Select(split => split.Diagnostics.DistanceAuroc ?? 0.5).ToList();
        var mostHeadroom = shifted.MaxBy(split => split.Diagnostics.Headroom)!;
        var bestDetected = shifted.MaxBy(split => split.Diagnostics.DistanceAuroc ?? 0.5)!;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"""
            Accuracy on ID digits / on the shifted splits (mean): zero-shot {Both(EvaluationMethod.ZeroShot)}, fine-tuned {Both(EvaluationMethod.FineTuned)}, OSE {Both(EvaluationMethod.OutputSpace)}, WSE {Both(EvaluationMethod.WeightSpace)}, VRF {Both(EvaluationMethod.Vrf)}.
            VRF minus fine-tuned: {Points(id.Accuracies[EvaluationMethod.Vrf] - id.Accuracies[EvaluationMethod.FineTuned])} on ID, {Points(Ood(EvaluationMethod.Vrf) - Ood(EvaluationMethod.FineTuned))} on the shifted mean.
            A per-image ensemble can only gain on images the zero-shot model gets right and the fine-tuned one wrong: {Percent(id.Diagnostics.Headroom)} of the ID images, {Percent(headrooms.Min())} to {Percent(headrooms.Max())} of the shifted ones ({mostHeadroom.Name} most).
            d, the distance to the K-th nearest zero-shot failure, tells the shifted images from the ID ones with an AUROC of {aurocs.Min():0.00} to {aurocs.Max():0.00} ({bestDetected.Name} best; 0.5 is chance).
            {MonitorReading(evaluation)}
            For comparison, the paper with CLIP ViT-B/16 on ImageNet: VRF 82.3 ID / 61.8 OOD against OSE 82.2 / 60.2; that gain needs a zero-shot model that is strong where the fine-tuned one is weak.
            """);
        terminal.Out.Write(new Panel(Markup.Escape(text)).Header("What this shows"));
    }

    /// <summary>What the drift monitor's trials found (<see cref="SplitDiagnostics"/>), when the version has a validation distribution.</summary>
    private static string MonitorReading(ModelEvaluation evaluation)
    {
        var shifted = evaluation.OutOfDistribution;
        if (evaluation.InDistribution.Diagnostics.FalseAlarms is not { } alarms)
        {
            return $"The drift monitor was not tried: {evaluation.MonitorNotTried}";
        }
        // A split counts as detected when most runs raised the alarm; one that a run or two raised late is named apart.
        var detected = shifted.Where(split => split.Diagnostics.Detection is { } detection && 2 * detection.Detected > detection.Runs).ToList();
        var delays = string.Join(", ", detected
            .OrderBy(split => split.Diagnostics.Detection!.MedianResults)
            .Select(split => $"{split.Name} after {split.Diagnostics.Detection!.MedianResults}"));
        var missed = string.Join(", ", shifted.Except(detected)
            .Select(split => $"{split.Name} in {split.Diagnostics.Detection?.Detected ?? 0} of {split.Diagnostics.Detection?.Runs ?? 0} runs"));
        var after = delays.Length > 0 ? $" (median results until the alarm: {delays})" : "";
        var others = missed.Length > 0 ? $", not on the others (raised {missed})." : ".";
        return $"The drift monitor, replaying these images: {FalseAlarmText(alarms)} of ID traffic; it raised its alarm on {detected.Count} of the {shifted.Count} shifted splits{after}{others}";
    }

    private static string FalseAlarmText(FalseAlarms alarms) =>
        string.Create(CultureInfo.InvariantCulture, $"{alarms.Per100Windows:0.##} false alarm{(alarms.Per100Windows == 1 ? "" : "s")} per 100 windows");

    private static string Percent(double accuracy) => (accuracy * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string Points(double difference) => (difference * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " points";
}
