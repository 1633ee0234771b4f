namespace Vrf.Method;

/// <summary>
/// K under every rule for one failure set, and the K in use. Every K lies in [1, max(1, |V|)]: an empty set gets
/// K = 1 under every rule (it has no neighbour at any rank, and every distance is +∞).
/// </summary>
public sealed record NeighbourRank(int CodeRule, int PaperRule, int K, KRule Rule, int? Requested)
{
    /// <summary>True when an explicit K was outside [1, |V|] and was clamped.</summary>
    public bool WasClamped => Rule == KRule.Explicit && Requested != K;

    /// <summary>K_code = round((|V|/N)·1000) half to even, clamped to [1, |V|].</summary>
    public static int ByCodeRule(int failureCount, int trainingRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failureCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainingRows, 1);
        var rounded = Math.Round((double)failureCount / trainingRows * 1000, MidpointRounding.ToEven);
        return ClampToSet((int)rounded, failureCount);
    }

    /// <summary>K_paper = |V| / 1000 in integer division, at least 1.</summary>
    public static int ByPaperRule(int failureCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failureCount);
        return Math.Max(1, failureCount / 1000);
    }

    public static NeighbourRank Resolve(KRule rule, int failureCount, int trainingRows, int? explicitK = null)
    {
        var code = ByCodeRule(failureCount, trainingRows);
        var paper = ByPaperRule(failureCount);
        var k = rule switch
        {
            KRule.Code => code,
            KRule.Paper => paper,
            KRule.Explicit => ClampToSet(explicitK ?? throw new ArgumentException("The explicit K rule needs a K.", nameof(explicitK)), failureCount),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown K rule."),
        };
        return new NeighbourRank(code, paper, k, rule, rule == KRule.Explicit ? explicitK : null);
    }

    private static int ClampToSet(int k, int failureCount) => Math.Clamp(k, 1, Math.Max(1, failureCount));
}
