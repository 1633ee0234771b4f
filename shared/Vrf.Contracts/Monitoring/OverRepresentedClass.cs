namespace Vrf.Contracts;

/// <summary>A class the window predicts more often than validation did.</summary>
/// <param name="Index">Position of the class in the model's class list.</param>
/// <param name="Name">Class name.</param>
/// <param name="Observed">Results in the window that predicted it.</param>
/// <param name="Expected">How many would have at its validation frequency.</param>
public sealed record OverRepresentedClass(int Index, string Name, int Observed, double Expected);
