namespace Vrf.Method;

/// <summary>How K, the rank of the failure neighbour that defines the distance, is chosen.</summary>
public enum KRule
{
    /// <summary>The released code's rule: round(1000·|V|/N), half to even, clamped to [1, |V|].</summary>
    Code,

    /// <summary>The paper's rule (§5.1, p = 0.1 %): floor(0.001·|V|), at least 1.</summary>
    Paper,

    /// <summary>A K given by the user, clamped to [1, |V|].</summary>
    Explicit,
}
