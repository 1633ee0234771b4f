namespace Vrf.Serving.Evaluation;

/// <summary>An evaluation that cannot be run as asked: no ID split, OOD names that clash, no method.</summary>
public sealed class EvaluationException(string message) : ModelServingException(message);
