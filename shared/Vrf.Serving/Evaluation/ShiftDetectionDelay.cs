namespace Vrf.Serving.Evaluation;

/// <summary>How the drift monitor met a shifted split in <paramref name="Runs"/> runs (<see cref="MonitoringTrials"/>).</summary>
/// <param name="Detected">Runs whose alarm was raised within <paramref name="Patience"/> shifted results.</param>
/// <param name="MedianResults">Shifted results until the alarm, the median over the detected runs.</param>
/// <param name="MaxResults">… and the most.</param>
/// <param name="MedianResultsToClear">In-distribution results after the alarm until it cleared, the median.</param>
public sealed record ShiftDetectionDelay(int Runs, int Detected, int? MedianResults, int? MaxResults, int? MedianResultsToClear, int Patience);
