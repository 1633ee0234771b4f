using TorchSharp;

namespace Vrf.Tensors;

/// <summary>
/// A number given to a TorchSharp operation as a <see cref="Scalar"/> that is held until the operation returns, then
/// freed. TorchSharp makes a Scalar of a number passed where it takes one (<c>t.mul(2.0)</c>, <c>t * 2.0</c>,
/// <c>full(n, n, x)</c>) that only its finalizer frees, and hands libtorch the Scalar's native pointer without keeping
/// the Scalar alive: a garbage collection during the call lets the finalizer free the value while libtorch reads it,
/// which ends in "Unknown scalar type" or, worse, in another number. Every operation of this code with a number goes
/// through here (a test reads the assemblies for any that does not).
/// </summary>
public static class HeldScalar
{
    public static T With<T>(double value, Func<Scalar, T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var scalar = value.ToScalar();
        return operation(scalar);
    }

    public static T With<T>(long value, Func<Scalar, T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var scalar = value.ToScalar();
        return operation(scalar);
    }

    public static T With<T>(int value, Func<Scalar, T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var scalar = value.ToScalar();
        return operation(scalar);
    }
}
