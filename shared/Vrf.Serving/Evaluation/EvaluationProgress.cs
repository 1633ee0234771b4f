namespace Vrf.Serving.Evaluation;

/// <summary>How far an evaluation is in one of its stages (a split's encoders, or the weight-space model at one α), in images.</summary>
public sealed record EvaluationProgress(string Stage, int Completed, int Total);
