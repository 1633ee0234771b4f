using Vrf.Contracts;

namespace Vrf.Gateway.Classification;

/// <summary>The names the HTTP API gives the ensemble modes, in the <c>mode</c> query parameter and in results.</summary>
public static class EnsembleModeNames
{
    /// <summary><see cref="EnsembleMode.Vrf"/>: the per-image weight from the distance to the zero-shot failures.</summary>
    public const string Vrf = "vrf";

    /// <summary><see cref="EnsembleMode.ZeroShot"/>: the zero-shot model alone.</summary>
    public const string ZeroShot = "zero-shot";

    /// <summary><see cref="EnsembleMode.FineTuned"/>: the fine-tuned model alone.</summary>
    public const string FineTuned = "fine-tuned";

    /// <summary><see cref="EnsembleMode.OutputSpace"/>: one constant weight α on the fine-tuned model.</summary>
    public const string OutputSpace = "ose";

    /// <summary>Every name, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [Vrf, ZeroShot, FineTuned, OutputSpace];

    /// <summary>The name of <paramref name="mode"/>.</summary>
    public static string NameOf(EnsembleMode mode) => mode switch
    {
        EnsembleMode.Vrf => Vrf,
        EnsembleMode.ZeroShot => ZeroShot,
        EnsembleMode.FineTuned => FineTuned,
        EnsembleMode.OutputSpace => OutputSpace,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not an ensemble mode."),
    };

    /// <summary>Reads a mode's name, ignoring case.</summary>
    public static bool TryParse(string name, out EnsembleMode mode)
    {
        foreach (var candidate in Enum.GetValues<EnsembleMode>())
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }
        mode = default;
        return false;
    }
}
