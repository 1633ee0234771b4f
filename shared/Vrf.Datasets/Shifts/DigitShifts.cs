using Vrf.Digits.Glyphs;

namespace Vrf.Datasets.Shifts;

/// <summary>The shifted splits <c>vrf data mnist-shifts</c> writes, by name.</summary>
public static class DigitShifts
{
    public static IReadOnlyList<string> Names { get; } = ["rotate", "shear", "shot-noise", "fog", "motion-blur", "inverse", "printed"];

    /// <summary>The shifts named, in the order given; printed digits draw with <paramref name="renderer"/>.</summary>
    /// <exception cref="ArgumentException">A name that is not a shift.</exception>
    public static IReadOnlyList<IDigitShift> Named(IEnumerable<string> names, GlyphRenderer renderer) =>
        names.Select(name => name switch
        {
            "rotate" => (IDigitShift)new RotationShift(),
            "shear" => new ShearShift(),
            "shot-noise" => new ShotNoiseShift(),
            "fog" => new FogShift(),
            "motion-blur" => new MotionBlurShift(),
            "inverse" => new InverseShift(),
            "printed" => new PrintedDigitShift(renderer),
            _ => throw new ArgumentException($"'{name}' is not a shift; the shifts are {string.Join(", ", Names)}."),
        }).ToList();
}
