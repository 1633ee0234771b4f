namespace Vrf.Contracts;

/// <summary>How long one step of the classify pipeline took for one image.</summary>
/// <param name="Stage">The step, for example <c>decode</c>, <c>encode</c>, <c>failure-lookup</c> or <c>score</c>.</param>
/// <param name="Milliseconds">Wall-clock time spent in the step.</param>
public sealed record StageTiming(string Stage, double Milliseconds);
