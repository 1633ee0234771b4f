using System.Globalization;
using Vrf.Contracts;

namespace Vrf.Services;

/// <summary>The attributes and histogram buckets the services' metrics share.</summary>
internal static class MetricAttributes
{
    public const string ModelNameKey = "vrf.model.name";
    public const string ModelVersionKey = "vrf.model.version";
    public const string ModeKey = "vrf.ensemble.mode";
    public const string PredictedClassKey = "vrf.predicted_class";
    public const string StageKey = "vrf.stage";

    /// <summary>d lies in [0, 4] (a squared distance between unit vectors); finer where in-distribution images sit.</summary>
    public static readonly IReadOnlyList<double> DistanceBuckets =
        [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.2, 1.5, 2, 2.5, 3, 4];

    /// <summary>Percentiles, finer in the tail the drift tests watch.</summary>
    public static readonly IReadOnlyList<double> PercentileBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];

    public static readonly IReadOnlyList<double> WeightBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

    /// <summary>The model version a measurement belongs to.</summary>
    public static KeyValuePair<string, object?>[] Version(string model, int version) =>
        [new(ModelNameKey, model), new(ModelVersionKey, version.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The mode, named as <c>vrf classify --mode</c> and the gateway's <c>mode</c> name it.</summary>
    public static KeyValuePair<string, object?> Mode(EnsembleMode mode) => new(ModeKey, mode switch
    {
        EnsembleMode.ZeroShot => "zero-shot",
        EnsembleMode.FineTuned => "fine-tuned",
        EnsembleMode.OutputSpace => "ose",
        _ => "vrf",
    });

    public static KeyValuePair<string, object?> PredictedClass(string name) => new(PredictedClassKey, name);

    /// <summary>The pipeline stage, named as its service (a <see cref="ServiceNames"/> one).</summary>
    public static KeyValuePair<string, object?> Stage(string stage) => new(StageKey, stage);
}
