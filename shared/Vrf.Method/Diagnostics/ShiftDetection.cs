namespace Vrf.Method;

/// <summary>
/// How well a score tells shifted images from in-distribution ones: the area under the ROC curve with the shifted
/// images as positives, i.e. the probability that a shifted image scores higher than an in-distribution one, ties
/// counting half (the Mann–Whitney statistic over both counts). 0.5 is chance, 1 a perfect separation. Infinite
/// scores (d with an empty failure set) are ordered and tied like any other.
/// </summary>
public static class ShiftDetection
{
    /// <param name="inDistribution">The scores of the in-distribution images (the negatives).</param>
    /// <param name="shifted">The scores of the shifted images (the positives).</param>
    /// <exception cref="ArgumentException">Either list is empty or holds a NaN.</exception>
    public static double Auroc(IReadOnlyList<double> inDistribution, IReadOnlyList<double> shifted)
    {
        ArgumentNullException.ThrowIfNull(inDistribution);
        ArgumentNullException.ThrowIfNull(shifted);
        if (inDistribution.Count == 0 || shifted.Count == 0)
        {
            throw new ArgumentException("The AUROC needs at least one score of each kind.");
        }
        if (inDistribution.Any(double.IsNaN) || shifted.Any(double.IsNaN))
        {
            throw new ArgumentException("A score is NaN.");
        }
        var scores = inDistribution.Select(score => (Score: score, Shifted: false))
            .Concat(shifted.Select(score => (Score: score, Shifted: true)))
            .OrderBy(entry => entry.Score)
            .ToArray();
        var shiftedRankSum = 0.0;
        for (var start = 0; start < scores.Length;)
        {
            var end = start;
            while (end + 1 < scores.Length && scores[end + 1].Score == scores[start].Score)
            {
                end++;
            }
            var meanRank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                shiftedRankSum += scores[i].Shifted ? meanRank : 0;
            }
            start = end + 1;
        }
        double positives = shifted.Count, negatives = inDistribution.Count;
        return (shiftedRankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
