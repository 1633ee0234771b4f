namespace Vrf.Method;

/// <summary>
/// The fine-tuned model's share ω(d) = 1 / (1 + exp((d − a) / b)): close to 1 far from every zero-shot failure
/// (small d), close to 0 near them. Written as the reference writes it, which cannot turn into NaN in IEEE doubles:
/// for large d, exp saturates to +∞ and ω is exactly 0 (so d = +∞, from an empty failure set, gives ω = 0); for
/// very negative d, exp underflows and ω is 1.
/// </summary>
public sealed record EnsembleWeight
{
    public EnsembleWeight(double a, double b)
    {
        if (!double.IsFinite(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "a must be finite.");
        }
        if (!(b > 0) || double.IsInfinity(b))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "b must be positive and finite.");
        }
        A = a;
        B = b;
    }

    /// <summary>The distance at which ω = 1/2.</summary>
    public double A { get; }

    /// <summary>The width of the transition.</summary>
    public double B { get; }

    public double At(double distance)
    {
        if (double.IsNaN(distance))
        {
            throw new ArgumentOutOfRangeException(nameof(distance), distance, "A distance cannot be NaN.");
        }
        return 1 / (1 + Math.Exp((distance - A) / B));
    }

    public double[] At(IReadOnlyList<double> distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var weights = new double[distances.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = At(distances[i]);
        }
        return weights;
    }
}
