using Vrf.Contracts;
using Vrf.Serving.Scoring;

namespace Vrf.Services.Scorer;

/// <summary>The contracts' ensemble modes and the serving core's scoring modes, one for one.</summary>
public static class EnsembleModes
{
    /// <exception cref="ArgumentOutOfRangeException">Not a defined mode.</exception>
    public static ScoringMode ToScoringMode(this EnsembleMode mode) => mode switch
    {
        EnsembleMode.Vrf => ScoringMode.Vrf,
        EnsembleMode.ZeroShot => ScoringMode.ZeroShot,
        EnsembleMode.FineTuned => ScoringMode.FineTuned,
        EnsembleMode.OutputSpace => ScoringMode.OutputSpace,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a known ensemble mode."),
    };

    /// <exception cref="ArgumentOutOfRangeException">Not a defined mode.</exception>
    public static EnsembleMode ToEnsembleMode(this ScoringMode mode) => mode switch
    {
        ScoringMode.Vrf => EnsembleMode.Vrf,
        ScoringMode.ZeroShot => EnsembleMode.ZeroShot,
        ScoringMode.FineTuned => EnsembleMode.FineTuned,
        ScoringMode.OutputSpace => EnsembleMode.OutputSpace,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a known scoring mode."),
    };
}
