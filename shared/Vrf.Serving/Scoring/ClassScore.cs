namespace Vrf.Serving.Scoring;

/// <summary>A class and the probability a model (or the ensemble) gives it.</summary>
public sealed record ClassScore(int Index, string Name, double Probability)
{
    /// <summary>The <paramref name="count"/> most probable classes, most probable first (lower index first on ties).</summary>
    public static IReadOnlyList<ClassScore> Top(IReadOnlyList<double> probabilities, IReadOnlyList<string> classNames, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return [.. probabilities
            .Select((probability, index) => new ClassScore(index, classNames[index], probability))
            .OrderByDescending(score => score.Probability)
            .ThenBy(score => score.Index)
            .Take(count)];
    }
}
