using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bench.Pipeline;

namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>
/// <c>vrf bench soak</c>: the embedding, failure-index and scorer services as processes on RabbitMQ under an open loop
/// at a share of their sustainable rate for a long time, a row per interval with what every process holds, the queues'
/// depths, p99 latency and images/s, and at the end a slope test over the second half that fails the run when any of
/// them trends the bad way.
/// </summary>
public sealed class SoakBenchCommand(Terminal terminal) : AsyncCommand<SoakBenchSettings>
{
    private static readonly (string Service, int Count)[] OneEach = [("embedding", 1), ("failure-index", 1), ("scorer", 1)];

    public override async Task<int> ExecuteAsync(CommandContext context, SoakBenchSettings settings, CancellationToken cancellationToken)
    {
        var machine = Pipeline.BenchMachine.Current(settings.DeviceOrDefault);
        var model = settings.ServableModel();
        var images = settings.ReadImages();
        using var interruption = Interruption.Watch(cancellationToken);
        var intervals = new List<SoakInterval>();
        double? sustainable = settings.Rate;
        try
        {
            terminal.Error.WriteLine($"Starting the services (one process each on {settings.BusOptions()})...");
            await using var pipeline = await BenchedPipeline.StartAsync(settings, OneEach, model, images, interruption.Token);
            if (sustainable is null)
            {
                await LoadRuns.WarmUpAsync(pipeline, settings, terminal, interruption.Token);
                terminal.Error.WriteLine($"Sustainable rate: closed loop of {settings.Count} images, {settings.InFlight} in flight...");
                sustainable = (await LoadGenerator.ClosedLoopAsync(pipeline.ClassifyAsync, settings.Count, settings.InFlight, interruption.Token)).ImagesPerSecond;
            }
            var rate = sustainable.Value * settings.Load / 100;
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Soak: {rate:0.0} images/s ({settings.Load:0} % of {sustainable:0.0}) for {settings.DurationTime}, a row every {settings.IntervalTime}."));
            await RunAsync(pipeline, settings, rate, intervals, interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Signalled)
        {
        }
        var verdict = Judge(intervals, settings, sustainable, interruption.Signalled);
        new SoakTable(terminal).WriteVerdict(verdict, Rate(settings, sustainable), intervals.Count);
        if (settings.Json is { } json)
        {
            SnakeCaseReportFile.Write(new SoakReport(machine, model.ToString(), sustainable ?? double.NaN, Rate(settings, sustainable),
                settings.DurationTime.TotalSeconds, settings.IntervalTime.TotalSeconds, intervals, verdict), json);
        }
        return verdict.Interrupted ? CliErrors.Interrupted : verdict.Passed ? 0 : CliErrors.InternalError;
    }

    /// <summary>Runs the open loop for the duration, adding an interval to <paramref name="intervals"/> (and printing its
    /// row) at each interval's end; stops early when cancelled.</summary>
    private async Task RunAsync(BenchedPipeline pipeline, SoakBenchSettings settings, double rate, List<SoakInterval> intervals,
        CancellationToken cancellationToken)
    {
        var processes = pipeline.ServiceProcessIds.ToDictionary(process => process.Service, process => process.ProcessId);
        var queues = new QueueDepths(settings.BusOptions().VirtualHost);
        var table = new SoakTable(terminal);
        table.WriteHeader(processes.Keys);
        var count = (int)Math.Round(settings.DurationTime / settings.IntervalTime);
        var clock = Stopwatch.StartNew();
        await using var load = SteadyLoad.Start(pipeline.ClassifyAsync, rate, cancellationToken);
        for (var index = 1; index <= count; index++)
        {
            var end = settings.IntervalTime * index;
            if (end > clock.Elapsed)
            {
                await Task.Delay(end - clock.Elapsed, cancellationToken);
            }
            var figures = load.TakeInterval();
            var inFlight = load.InFlight;
            var held = processes.ToDictionary(process => process.Key, process => ProcessResources.Read(process.Value));
            var interval = new SoakInterval(index, clock.Elapsed.TotalMinutes, figures.Images, figures.Failed, inFlight,
                figures.ImagesPerSecond, figures.P99Ms, held, await ReadQueuesAsync(queues, cancellationToken));
            intervals.Add(interval);
            table.WriteRow(interval);
        }
    }

    private async Task<IReadOnlyDictionary<string, long>?> ReadQueuesAsync(QueueDepths queues, CancellationToken cancellationToken)
    {
        try
        {
            return await queues.ReadAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            terminal.Warn($"queue depths not read: {e.Message}");
            return null;
        }
    }

    private static SoakVerdict Judge(IReadOnlyList<SoakInterval> intervals, SoakBenchSettings settings, double? sustainable, bool interrupted) =>
        new([.. SoakSeriesSet.From(intervals, settings.Tolerance / 100, Rate(settings, sustainable)).Select(TrendTest.Judge)],
            intervals.Sum(interval => interval.Failed),
            [.. intervals.SelectMany(interval => interval.Processes).Where(process => process.Value is null).Select(process => process.Key).Distinct()],
            interrupted);

    private static double Rate(SoakBenchSettings settings, double? sustainable) => (sustainable ?? double.NaN) * settings.Load / 100;
}
