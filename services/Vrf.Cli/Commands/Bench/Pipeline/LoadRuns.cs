using Spectre.Console;
namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>The load runs of one started pipeline: a warm-up, the closed loop, then (when asked) open loops at 50 % and
/// 90 % of its rate.</summary>
public static class LoadRuns
{
    public static async Task<IReadOnlyList<(string Mode, LoadFigures Figures)>> MeasureAsync(BenchedPipeline pipeline,
        PipelineLoadSettings settings, bool openLoop, Terminal terminal, CancellationToken cancellationToken)
    {
        await WarmUpAsync(pipeline, settings, terminal, cancellationToken);
        terminal.Error.WriteLine($"  closed loop: {settings.Count} images, {settings.InFlight} in flight");
        var closed = await LoadGenerator.ClosedLoopAsync(pipeline.ClassifyAsync, settings.Count, settings.InFlight, cancellationToken);
        var runs = new List<(string, LoadFigures)> { ("closed", closed) };
        if (openLoop)
        {
            foreach (var percent in new[] { 50, 90 })
            {
                var rate = closed.ImagesPerSecond * percent / 100;
                terminal.Error.WriteLine($"  open loop: {settings.Count} images at {rate:0.0}/s");
                runs.Add(($"open-{percent}", await LoadGenerator.OpenLoopAsync(pipeline.ClassifyAsync, settings.Count, rate, cancellationToken)));
            }
        }
        return runs;
    }

    /// <summary>The <c>--warm-up</c> closed loop (<see cref="LoadGenerator.WarmUpAsync"/>), unless it is 0.</summary>
    public static async Task WarmUpAsync(BenchedPipeline pipeline, PipelineLoadSettings settings, Terminal terminal,
        CancellationToken cancellationToken)
    {
        if (settings.WarmUp > 0)
        {
            terminal.Error.WriteLine($"  warm-up: {settings.WarmUp} s of closed loop, {settings.InFlight} in flight");
            await LoadGenerator.WarmUpAsync(pipeline.ClassifyAsync, TimeSpan.FromSeconds(settings.WarmUp), settings.InFlight, cancellationToken);
        }
    }
}
