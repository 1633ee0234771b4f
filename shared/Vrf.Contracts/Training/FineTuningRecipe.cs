namespace Vrf.Contracts;

/// <summary>How a retrain job fine-tunes the zero-shot model.</summary>
public enum FineTuningRecipe
{
    /// <summary>End-to-end fine-tuning with cross-entropy, head initialised from the zero-shot head (WiSE-FT's).</summary>
    EndToEnd,

    /// <summary>Train the head only, encoder frozen.</summary>
    LinearProbe,

    /// <summary>A linear probe first, then end-to-end fine-tuning from it.</summary>
    LinearProbeThenFineTune,
}
