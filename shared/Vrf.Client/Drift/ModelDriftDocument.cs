using System.Text.Json.Serialization;
using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>
/// A model version's drift as JSON, the same from <c>GET /v1/models/{name}/drift</c> and <c>vrf monitor --json</c>:
/// <c>{"model", "version", "alarm", "since", "window": {"size", "from", "to"}, "statistics": {"share_above_p95",
/// "binomial_p", "ks", "ks_p", "mean_omega", "disagreement", "class_chi2_p"}}</c>. The names are fixed here, whatever
/// naming policy the serializer has; a statistic is <c>null</c> when the window holds nothing it applies to.
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="Version">The version whose window this is.</param>
/// <param name="Alarm">Whether the drift alarm is raised.</param>
/// <param name="Since">When the alarm last changed; <c>null</c> if it was never raised.</param>
/// <param name="Window">The results the statistics are taken over.</param>
/// <param name="Statistics">The window's statistics against the version's validation images.</param>
public sealed record ModelDriftDocument(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("alarm")] bool Alarm,
    [property: JsonPropertyName("since")] DateTimeOffset? Since,
    [property: JsonPropertyName("window")] ModelDriftWindow Window,
    [property: JsonPropertyName("statistics")] ModelDriftStatistics Statistics)
{
    public static ModelDriftDocument From(ModelDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var statistics = report.Statistics;
        return new ModelDriftDocument(
            report.ModelName,
            report.ModelVersion,
            report.Alarm,
            report.Since,
            new ModelDriftWindow(report.Window.Size, report.Window.From, report.Window.To),
            new ModelDriftStatistics(statistics.ShareAboveP95, statistics.BinomialP, statistics.Ks, statistics.KsP, statistics.MeanOmega,
                statistics.Disagreement, statistics.ClassChiSquaredP));
    }
}

/// <summary>The results a drift window holds.</summary>
/// <param name="Size">How many (0 before any traffic).</param>
/// <param name="From">When the oldest reached the monitor.</param>
/// <param name="To">When the newest reached the monitor.</param>
public sealed record ModelDriftWindow(
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("from")] DateTimeOffset? From,
    [property: JsonPropertyName("to")] DateTimeOffset? To);

/// <summary>A drift window's statistics.</summary>
/// <param name="ShareAboveP95">The share of d above the validation 95th percentile.</param>
/// <param name="BinomialP">The binomial test of that share against 5 %.</param>
/// <param name="Ks">The Kolmogorov–Smirnov statistic of d against the validation d.</param>
/// <param name="KsP">Its p-value.</param>
/// <param name="MeanOmega">The mean ω over the VRF results.</param>
/// <param name="Disagreement">The share of results whose zero-shot and fine-tuned top classes differ.</param>
/// <param name="ClassChiSquaredP">The chi-squared test of the predicted classes against validation (label shift).</param>
public sealed record ModelDriftStatistics(
    [property: JsonPropertyName("share_above_p95")] double? ShareAboveP95,
    [property: JsonPropertyName("binomial_p")] double? BinomialP,
    [property: JsonPropertyName("ks")] double? Ks,
    [property: JsonPropertyName("ks_p")] double? KsP,
    [property: JsonPropertyName("mean_omega")] double? MeanOmega,
    [property: JsonPropertyName("disagreement")] double? Disagreement,
    [property: JsonPropertyName("class_chi2_p")] double? ClassChiSquaredP);
