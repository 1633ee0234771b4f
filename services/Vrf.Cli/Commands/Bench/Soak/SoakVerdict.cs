namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>The end of a soak: each series' slope test, the requests that failed, the service processes that exited,
/// and whether the run passed.</summary>
public sealed record SoakVerdict(IReadOnlyList<TrendVerdict> Trends, int Failed, IReadOnlyList<string> Exited, bool Interrupted)
{
    public IReadOnlyList<string> Trending => [.. Trends.Where(trend => trend.Trending).Select(trend => trend.Series)];

    /// <summary>Enough intervals ran to judge every series, none trends the bad way, no request failed and every service
    /// process lived to the end.</summary>
    public bool Passed => Trends.Count > 0 && Trends.All(trend => trend.Judged) && Trending.Count == 0 && Failed == 0 && Exited.Count == 0;
}
