namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>One measurement of <c>vrf bench pipeline</c>, as its JSON names it.</summary>
/// <param name="Transport">in-process (the encoders alone: the ceiling), memory or rabbitmq.</param>
/// <param name="Mode">closed, open-50 or open-90.</param>
public sealed record PipelineBenchRow(string Model, string Transport, string Mode, double ImagesPerS, double P50Ms, double P95Ms,
    double P99Ms, int Failed)
{
    public static PipelineBenchRow From(string model, string transport, string mode, LoadFigures figures) =>
        new(model, transport, mode, figures.ImagesPerSecond, figures.P50Ms, figures.P95Ms, figures.P99Ms, figures.Failed);
}
