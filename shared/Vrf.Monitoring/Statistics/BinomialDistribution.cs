namespace Vrf.Monitoring;

/// <summary>
/// The binomial distribution B(n, p), with probabilities accurate to a few units in the last place even far in the
/// tails: each point probability by Loader's saddle-point form ("Fast and accurate computation of binomial
/// probabilities", 2000, the method behind R's <c>dbinom</c>), and tails as sums of such terms, never as 1 − (a sum
/// close to 1) when the tail itself is small.
/// </summary>
public sealed record BinomialDistribution
{
    /// <summary>B(<paramref name="trials"/>, <paramref name="probability"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative number of trials, or a probability outside [0, 1].</exception>
    public BinomialDistribution(int trials, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability lies in [0, 1].");
        }
        Trials = trials;
        Probability = probability;
    }

    /// <summary>n, the number of trials.</summary>
    public int Trials { get; }

    /// <summary>p, the probability of a success in one trial.</summary>
    public double Probability { get; }

    /// <summary>P(X = <paramref name="successes"/>); 0 outside [0, n].</summary>
    public double ProbabilityOf(int successes)
    {
        if (successes < 0 || successes > Trials)
        {
            return 0;
        }
        var p = Probability;
        var q = 1 - p;
        if (p == 0 || Trials == 0)
        {
            return successes == 0 ? 1 : 0;
        }
        if (q == 0)
        {
            return successes == Trials ? 1 : 0;
        }
        double n = Trials;
        if (successes == 0)
        {
            return Math.Exp(p < 0.1 ? -Deviance(n, n * q) - n * p : n * Math.Log(q));
        }
        if (successes == Trials)
        {
            return Math.Exp(q < 0.1 ? -Deviance(n, n * p) - n * q : n * Math.Log(p));
        }
        double x = successes;
        var logCore = StirlingError.Of(n) - StirlingError.Of(x) - StirlingError.Of(n - x)
            - Deviance(x, n * p) - Deviance(n - x, n * q);
        var logScale = Math.Log(2 * Math.PI) + Math.Log(x) + Math.Log(1 - x / n);
        return Math.Exp(logCore - 0.5 * logScale);
    }

    /// <summary>P(X ≥ <paramref name="successes"/>): 1 at or below 0, 0 above n.</summary>
    public double AtLeast(int successes)
    {
        if (successes <= 0)
        {
            return 1;
        }
        if (successes > Trials)
        {
            return 0;
        }
        // Above the mean the upper tail is the small side: sum it. Below, it is at least about ½: 1 − lower tail.
        return successes > Trials * Probability
            ? SumUpwardFrom(successes)
            : 1 - SumDownwardFrom(successes - 1);
    }

    /// <summary>Σ P(X = i) for i from <paramref name="first"/> to n, each term from the last by their ratio.</summary>
    private double SumUpwardFrom(int first)
    {
        var odds = Probability / (1 - Probability);
        var term = ProbabilityOf(first);
        var sum = term;
        for (var i = first; i < Trials && term > sum * 1e-17; i++)
        {
            term *= (Trials - i) / (i + 1.0) * odds;
            sum += term;
        }
        return Math.Min(sum, 1);
    }

    /// <summary>Σ P(X = i) for i from <paramref name="last"/> down to 0.</summary>
    private double SumDownwardFrom(int last)
    {
        var inverseOdds = (1 - Probability) / Probability;
        var term = ProbabilityOf(last);
        var sum = term;
        for (var i = last; i > 0 && term > sum * 1e-17; i--)
        {
            term *= i / (Trials - i + 1.0) * inverseOdds;
            sum += term;
        }
        return Math.Min(sum, 1);
    }

    /// <summary>
    /// x·ln(x / m) + m − x, the deviance term of a Poisson count, summed as a series when x is near m, where the
    /// direct form loses every digit to cancellation.
    /// </summary>
    private static double Deviance(double x, double m)
    {
        if (Math.Abs(x - m) < 0.1 * (x + m))
        {
            var v = (x - m) / (x + m);
            var sum = (x - m) * v;
            var power = 2 * x * v;
            var vSquared = v * v;
            for (var j = 1; j < 1000; j++)
            {
                power *= vSquared;
                var next = sum + power / (2 * j + 1);
                if (next == sum)
                {
                    return next;
                }
                sum = next;
            }
            return sum;
        }
        return x * Math.Log(x / m) + m - x;
    }
}
