namespace Vrf.Monitoring;

/// <summary>One class that the window predicts more often than validation did.</summary>
/// <param name="ClassIndex">The class's position in the model's class list.</param>
/// <param name="Observed">How many results in the window predicted it.</param>
/// <param name="Expected">How many would have at its validation frequency.</param>
/// <param name="Residual">The Pearson residual (observed − expected) / √expected; +∞ for a class validation never
/// predicted.</param>
public sealed record ClassExcess(int ClassIndex, int Observed, double Expected, double Residual);
