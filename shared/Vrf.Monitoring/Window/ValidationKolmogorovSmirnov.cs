namespace Vrf.Monitoring;

/// <summary>
/// The Kolmogorov–Smirnov test of windows against one validation sample, remembering each exact p-value by window
/// size and lattice gap: a sliding window re-tests after every result, and in a full window the gap takes only a
/// few dozen values, so the lattice walk runs once for each instead of once per result. Not thread-safe: its
/// window serialises the calls.
/// </summary>
internal sealed class ValidationKolmogorovSmirnov(ValidationDistribution validation)
{
    private const int MaxRemembered = 4096;
    private readonly Dictionary<(int WindowSize, long Gap), double> _pValues = [];

    /// <summary>The test of <paramref name="sortedWindow"/> (sorted, no NaN, 1 to 10,000 values) against validation.</summary>
    public KolmogorovSmirnovTest Against(ReadOnlySpan<double> sortedWindow)
    {
        var validationSample = validation.SortedDistances;
        var gap = KolmogorovSmirnovTest.LatticeGap(sortedWindow, validationSample);
        var key = (sortedWindow.Length, gap);
        if (!_pValues.TryGetValue(key, out var pValue))
        {
            if (_pValues.Count == MaxRemembered)
            {
                _pValues.Clear();
            }
            pValue = KolmogorovSmirnovTest.ExitProbability(sortedWindow.Length, validationSample.Length, gap);
            _pValues.Add(key, pValue);
        }
        return KolmogorovSmirnovTest.FromLatticeGap(sortedWindow.Length, validationSample.Length, gap, pValue);
    }
}
