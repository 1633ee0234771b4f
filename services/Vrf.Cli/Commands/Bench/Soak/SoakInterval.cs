namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>One interval (a minute by default) of the soak: the load's figures, what each service process held at its
/// end, and the messages in each queue of the virtual host then.</summary>
/// <param name="Minute">Minutes since the soak's load started, at the interval's end.</param>
/// <param name="Answered">Requests answered in the interval (failed ones included).</param>
/// <param name="InFlight">Requests sent and not yet answered at the interval's end.</param>
/// <param name="Processes">Each service process by name (<c>embedding</c>, ...); null figures for one that is gone.</param>
/// <param name="Queues">Messages per queue; null when <c>rabbitmqctl</c> did not answer.</param>
public sealed record SoakInterval(int Index, double Minute, int Answered, int Failed, int InFlight, double ImagesPerS, double P99Ms,
    IReadOnlyDictionary<string, ProcessResources?> Processes, IReadOnlyDictionary<string, long>? Queues);
