using System.Globalization;
using Spectre.Console;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Monitor;

/// <summary>
/// The live terminal view of <c>vrf monitor</c>: a row per model version (its alarm and since when, its window and
/// every statistic, the classes most over-represented), asked again every interval and redrawn, until Ctrl+C. While
/// the monitor does not answer, the caption says so and the view keeps asking.
/// </summary>
internal sealed class DriftLiveView(Terminal terminal, DriftClient drift, ModelReference? model, TimeSpan timeout, TimeSpan interval)
{
    private static readonly string[] Headers =
        ["Model", "Alarm", "Since", "Window", "From – to", "d > p95", "Binomial p", "KS", "KS p", "Mean ω", "Disagree", "Class χ² p", "Over-represented"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var table = NewTable();
        try
        {
            await terminal.Out.Live(table).AutoClear(false).StartAsync(async live =>
            {
                while (true)
                {
                    await RefreshAsync(table, cancellationToken);
                    live.Refresh();
                    await Task.Delay(interval, cancellationToken);
                }
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C ends the view: the last table stays on the screen.
        }
    }

    private async Task RefreshAsync(Table table, CancellationToken cancellationToken)
    {
        var asked = DateTimeOffset.Now;
        try
        {
            var reports = await drift.CheckAsync(model?.Name, model?.Version, timeout, cancellationToken);
            table.Rows.Clear();
            foreach (var report in reports)
            {
                table.AddRow(Row(report));
            }
            table.Caption($"[grey]{reports.Count} version(s) at {asked:HH:mm:ss}; every {interval.TotalSeconds:0.#} s until Ctrl+C[/]");
        }
        catch (MonitorUnavailableException unavailable)
        {
            table.Caption($"[yellow]{Markup.Escape(unavailable.Message)} (asked at {asked:HH:mm:ss}; asking again)[/]");
        }
    }

    private static Table NewTable()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Drift windows");
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(header)}[/]"));
        }
        return table;
    }

    private static string[] Row(ModelDriftReport report)
    {
        var name = Markup.Escape($"{report.ModelName}@{report.ModelVersion.ToString(CultureInfo.InvariantCulture)}");
        if (report.NotMonitoredReason is not null)
        {
            return [name, "[grey]not monitored[/]", "", "", "", "", "", "", "", "", "", "", "[grey]no validation distribution[/]"];
        }
        var statistics = report.Statistics;
        var window = report.Window;
        return
        [
            name,
            report.Alarm ? "[bold red]RAISED[/]" : "[green]clear[/]",
            report.Since is { } since ? since.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "-",
            window.Size.ToString(CultureInfo.InvariantCulture),
            window.From is { } from && window.To is { } to
                ? $"{from.ToLocalTime():HH:mm:ss} – {to.ToLocalTime():HH:mm:ss}"
                : "-",
            Number(statistics.ShareAboveP95, "0.000"),
            PValue(statistics.BinomialP),
            Number(statistics.Ks, "0.000"),
            PValue(statistics.KsP),
            Number(statistics.MeanOmega, "0.000"),
            Number(statistics.Disagreement, "0.000"),
            PValue(statistics.ClassChiSquaredP),
            Markup.Escape(string.Join(", ", report.OverRepresentedClasses.Select(excess =>
                string.Create(CultureInfo.InvariantCulture, $"{excess.Name} {excess.Observed}/{excess.Expected:0.#}")))),
        ];
    }

    private static string Number(double? value, string format) =>
        value is { } number ? number.ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>A p-value: fixed point down to 0.001, scientific below.</summary>
    private static string PValue(double? value) =>
        value switch
        {
            null => "-",
            >= 0.001 => value.Value.ToString("0.000", CultureInfo.InvariantCulture),
            _ => value.Value.ToString("0.0e0", CultureInfo.InvariantCulture),
        };
}
