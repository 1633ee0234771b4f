using Vrf.Client;
using Vrf.Contracts;

namespace Vrf.Services.Tests.Support;

/// <summary>One request of a <see cref="ClassifyLoops"/> loop: its outcome, or why none came.</summary>
/// <param name="SentAt">UTC, taken just before it was published.</param>
/// <param name="AnsweredAt">UTC, taken just after its outcome (or the error) arrived.</param>
public sealed record LoopedRequest(int Loop, int Index, ClassifyImage Request, DateTime SentAt, DateTime AnsweredAt,
    ClassificationOutcome? Outcome, Exception? Error)
{
    /// <summary>The version its result came from; null when it failed or got no outcome.</summary>
    public int? Version => Outcome?.Result?.ModelVersion;

    public string Describe() =>
        $"loop {Loop} request {Index} (sent {SentAt:HH:mm:ss.fff}, answered {AnsweredAt:HH:mm:ss.fff}): " +
        (Error?.Message ?? (Outcome!.Result is { } result
            ? $"{result.ModelName}@{result.ModelVersion}"
            : $"failed in {Outcome.Failure!.Stage} ({Outcome.Failure.Kind}): {Outcome.Failure.Reason}"));
}
