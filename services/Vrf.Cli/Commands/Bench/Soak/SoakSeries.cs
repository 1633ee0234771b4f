namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>
/// One quantity the soak watches, a value per interval, and what counts as it trending the wrong way: growth (falling,
/// for throughput) whose projection over the whole run exceeds <see cref="RelativeTolerance"/> of its level and
/// <see cref="Floor"/>, in the series' own unit.
/// </summary>
/// <param name="Name">For the verdict, for example <c>embedding resident MiB</c> or <c>queue scorer</c>.</param>
/// <param name="Values">One value per interval, in order.</param>
/// <param name="RelativeTolerance">Growth over the run allowed as a fraction of the series' mean over the second half.</param>
/// <param name="Floor">Growth over the run always allowed, for series that sit near zero (queue depths) or move by a
/// few units without leaking (threads of the thread pool).</param>
/// <param name="FallingIsWorse">Judge a fall instead of a rise (images/s).</param>
public sealed record SoakSeries(string Name, IReadOnlyList<double> Values, double RelativeTolerance, double Floor, bool FallingIsWorse = false);
