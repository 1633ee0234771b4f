using System.Globalization;
using Spectre.Console;
using Vrf.Method;
using Vrf.Method.Evaluation;

namespace Vrf.Cli.Commands;

/// <summary>
/// The paper-style summary of a cached evaluation: top-1 accuracy (%) per method and test split, then what was
/// chosen on validation (α, (a, b), temperatures) and the failure set behind the distances.
/// </summary>
internal static class EvaluationTable
{
    public static void Render(IAnsiConsole console, CachedEvaluationResult result)
    {
        var table = new Table()
            .Title($"Top-1 accuracy (%), {Markup.Escape(result.Case)}")
            .AddColumn("Method");
        foreach (var test in result.Tests)
        {
            table.AddColumn(new TableColumn(Markup.Escape(test.Name)).RightAligned());
        }
        var given = result.Parameters.Weight;
        var tuned = result.VrfSearch.Best;
        AddRow(table, "Zero-shot", result.Tests.Select(t => t.ZeroShotAccuracy));
        AddRow(table, "Fine-tuned", result.Tests.Select(t => t.FineTunedAccuracy));
        AddRow(table, $"OSE (α = {Number(result.OseSearch.Alpha)})", result.Tests.Select(t => t.OseAccuracyAtAlpha));
        AddRow(table, $"VRF (a = {Number(given.A)}, b = {Number(given.B)}, given)", result.Tests.Select(t => t.VrfAccuracy));
        AddRow(table, $"VRF (a = {Number(tuned.A)}, b = {Number(tuned.B)}, tuned)", result.Tests.Select(t => t.VrfTunedAccuracy));
        console.Write(table);

        var rank = result.NeighbourRank;
        var best = result.VrfSearch.Accuracies.SelectMany(row => row).Max();
        console.WriteLine($"OSE α chosen on val: {Number(result.OseSearch.Alpha)} (val accuracy {Percent(result.OseSearch.Accuracies.Max())}%)");
        console.WriteLine($"VRF (a, b) tuned on val: ({Number(tuned.A)}, {Number(tuned.B)}) (val accuracy {Percent(best)}%)");
        console.WriteLine($"Temperatures fitted on val: T_zs = {Fixed(result.ZeroShotTemperature.Temperature)}, " +
                          $"T_ft = {Fixed(result.FineTunedTemperature.Temperature)}");
        console.WriteLine($"Zero-shot failure set: |V| = {result.Failures.Count} of {result.Failures.TrainingRows} training rows");
        console.WriteLine($"K = {rank.K} ({RuleName(rank.Rule)} rule; K_code = {rank.CodeRule}, K_paper = {rank.PaperRule})");
    }

    private static void AddRow(Table table, string method, IEnumerable<double> accuracies) =>
        table.AddRow([Markup.Escape(method), .. accuracies.Select(Percent)]);

    private static string Percent(double accuracy) => (accuracy * 100).ToString("F1", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Fixed(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string RuleName(KRule rule) => rule.ToString().ToLowerInvariant();
}
