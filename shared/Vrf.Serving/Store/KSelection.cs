using Vrf.Method;

namespace Vrf.Serving.Store;

/// <summary>How K is chosen for a version: the paper's rule by default, the released code's rule, or an explicit K.</summary>
public sealed record KSelection(KRule Rule, int? K)
{
    public static KSelection Paper { get; } = new(KRule.Paper, null);

    /// <exception cref="ArgumentException">The explicit rule without a K, or a K with another rule.</exception>
    public static KSelection Of(KRule rule, int? k)
    {
        if (rule == KRule.Explicit && k is null)
        {
            throw new ArgumentException("The explicit K rule needs a K.", nameof(k));
        }
        if (rule != KRule.Explicit && k is not null)
        {
            throw new ArgumentException($"A K of {k} is only used with the explicit rule, not the {rule} rule.", nameof(k));
        }
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "K must be at least 1.");
        }
        return new KSelection(rule, k);
    }
}
