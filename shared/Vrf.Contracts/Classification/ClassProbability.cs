namespace Vrf.Contracts;

/// <summary>One class and the probability a model (or the ensemble) gives it.</summary>
/// <param name="Index">Position of the class in the model's class list.</param>
/// <param name="Name">Class name.</param>
/// <param name="Probability">Probability in [0, 1].</param>
public sealed record ClassProbability(int Index, string Name, double Probability);
