namespace Vrf.Contracts;

/// <summary>How the scorer combines the zero-shot and the fine-tuned model into one prediction.</summary>
public enum EnsembleMode
{
    /// <summary>Per-sample weight from the distance to the zero-shot failures (the VRF method).</summary>
    Vrf,

    /// <summary>The zero-shot model alone (weight 0 on the fine-tuned model).</summary>
    ZeroShot,

    /// <summary>The fine-tuned model alone (weight 1 on the fine-tuned model).</summary>
    FineTuned,

    /// <summary>Output-space ensemble with one constant weight α on the fine-tuned model for every sample.</summary>
    OutputSpace,
}
