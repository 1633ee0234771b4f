namespace Vrf.Serving.Scoring;

/// <summary>How the zero-shot and the fine-tuned model are combined into one prediction (the contracts' <c>EnsembleMode</c>).</summary>
public enum ScoringMode
{
    /// <summary>P = ω(d)·softmax(z_ft/T_ft) + (1 − ω(d))·softmax(z_zs/T_zs): the VRF method.</summary>
    Vrf,

    /// <summary>P = softmax(z_zs): the zero-shot model alone (ω = 0).</summary>
    ZeroShot,

    /// <summary>P = softmax(z_ft): the fine-tuned model alone (ω = 1).</summary>
    FineTuned,

    /// <summary>P = α·softmax(z_ft) + (1 − α)·softmax(z_zs) with a constant α (ω = α).</summary>
    OutputSpace,
}
