namespace Vrf.Serving.Evaluation;

/// <summary>A labelled ImageFolder to score every method on, under the name its column has in the table.</summary>
public sealed record EvaluationSplit(string Name, string Folder);
