using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Vrf.Contracts;

namespace Vrf.Cli.Commands.Classify;

/// <summary>
/// One JSON object per line on standard output, for scripts: a result (file, class, d, its percentile among the version's
/// validation images, ω, version, top classes, both models' top classes, nearest failures, timings) or a failure (file,
/// error, stage, kind: the service's
/// <see cref="ClassificationFailureKind"/> in snake case, <c>null</c> when the tool itself failed). The summary goes to standard
/// error so standard output stays JSON lines. d is <c>null</c> when it is infinite (an empty failure set).
/// </summary>
internal sealed class JsonLinesReport(Terminal terminal) : IResultsReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Start()
    {
    }

    public void Add(ClassifiedImage image)
    {
        object line = image.Outcome?.Result is { } result ? Classified(image, result) : Failed(image);
        terminal.WriteLine(JsonSerializer.Serialize(line, line.GetType(), Options));
    }

    public void Finish(ClassificationSummary summary) => terminal.Error.WriteLine(summary.ToString());

    private static ClassifiedLine Classified(ClassifiedImage image, ImageClassified result) => new(
        image.File,
        result.RequestId,
        result.ModelName,
        result.ModelVersion,
        ModeName(result.EnsembleMode),
        result.PredictedClassName,
        result.PredictedClassIndex,
        result.TopClasses[0].Probability,
        result.Distance is { } d && double.IsFinite(d) ? d : null,
        result.DistancePercentile,
        result.Weight,
        [.. result.TopClasses.Select(Class)],
        Class(result.ZeroShotTopClass),
        Class(result.FineTunedTopClass),
        [.. result.NearestFailures.Select(failure => new FailureLine(failure.SampleId, failure.Label, failure.Distance))],
        result.StageTimings.ToDictionary(timing => timing.Stage, timing => timing.Milliseconds),
        image.Elapsed.TotalMilliseconds);

    private static FailedLine Failed(ClassifiedImage image) =>
        new(image.File, image.RequestId, image.Model, image.FailureReason ?? "unknown failure", image.FailureStage ?? "client",
            image.FailureKind is { } kind ? JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString()) : null);

    private static ClassLine Class(ClassProbability probability) => new(probability.Index, probability.Name, probability.Probability);

    /// <summary>The mode as <c>--mode</c> names it.</summary>
    public static string ModeName(EnsembleMode mode) => mode switch
    {
        EnsembleMode.ZeroShot => "zero-shot",
        EnsembleMode.FineTuned => "fine-tuned",
        EnsembleMode.OutputSpace => "ose",
        _ => "vrf",
    };

    private sealed record ClassifiedLine(
        string File,
        Guid RequestId,
        string Model,
        int Version,
        string Mode,
        string Class,
        int ClassIndex,
        double Probability,
        double? D,
        double? DistancePercentile,
        double Omega,
        IReadOnlyList<ClassLine> TopClasses,
        ClassLine ZeroShot,
        ClassLine FineTuned,
        IReadOnlyList<FailureLine> NearestFailures,
        IReadOnlyDictionary<string, double> TimingsMs,
        double ElapsedMs);

    private sealed record FailedLine(string File, Guid RequestId, string Model, string Error, string Stage, string? Kind);

    private sealed record ClassLine(int Index, string Name, double Probability);

    private sealed record FailureLine(string SampleId, int Label, double Distance);
}
