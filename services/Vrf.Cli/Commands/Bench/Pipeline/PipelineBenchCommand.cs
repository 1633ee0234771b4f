using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>
/// <c>vrf bench pipeline</c>: images/s and latency of classification through the embedding, failure-index and scorer
/// services, in this process on the in-memory bus and as one process per service on RabbitMQ, beside the ceiling (the
/// same encoders in this process on batches of the service's size). Each transport runs a closed loop, then open loops
/// at 50 % and 90 % of the closed loop's rate. The model is one from the store (<c>--model</c>) or, with
/// <c>--vit-b32</c>, a ViT-B/32-sized one made for the run (<see cref="RandomVitB32Model"/>).
/// </summary>
public sealed class PipelineBenchCommand(Terminal terminal) : AsyncCommand<PipelineBenchSettings>
{
    private static readonly (string Service, int Count)[] OneEach = [("embedding", 1), ("failure-index", 1), ("scorer", 1)];

    public override async Task<int> ExecuteAsync(CommandContext context, PipelineBenchSettings settings, CancellationToken cancellationToken)
    {
        // Ctrl+C or SIGTERM stops the run: the service processes are killed and a model made for it deleted on the way out.
        using var interruption = Interruption.Watch(cancellationToken);
        cancellationToken = interruption.Token;
        var machine = BenchMachine.Current(settings.DeviceOrDefault);
        var images = settings.ReadImages();
        using var vitB32 = settings.VitB32 ? await RandomVitB32Model.CreateAsync(terminal, images, settings.DeviceOrDefault, cancellationToken) : null;
        var model = vitB32?.Model ?? settings.ServableModel();
        var store = vitB32?.Store ?? settings.Store;
        var rows = new List<PipelineBenchRow>();
        foreach (var transport in settings.TransportList)
        {
            var bus = settings.On(transport == PipelineBenchSettings.Memory ? PipelineBenchSettings.Memory : settings.BusAddress, store);
            terminal.Error.WriteLine($"Starting the services ({(bus.InMemory ? "in this process" : $"one process each on {bus.BusOptions()}")})...");
            await using var pipeline = await BenchedPipeline.StartAsync(bus, OneEach, model, images, cancellationToken);
            foreach (var (mode, figures) in await LoadRuns.MeasureAsync(pipeline, settings, settings.OpenLoop, terminal, cancellationToken))
            {
                rows.Add(PipelineBenchRow.From(model.ToString(), transport, mode, figures));
            }
        }
        // The ceiling last: the services are stopped, and a model made for the run has long been written back to disk.
        rows.Insert(0, PipelineBenchRow.From(model.ToString(), "in-process", "closed", new BenchProgress(terminal).Run(
            $"Encoders alone, batches of {settings.Batch}",
            _ => EncoderCeiling.Measure(store, settings.DeviceOrDefault, model, images, settings.Batch, settings.Count, cancellationToken))));
        new PipelineBenchTable(terminal.Out).Write(machine, rows);
        if (settings.Json is { } json)
        {
            SnakeCaseReportFile.Write(new PipelineBenchReport(machine, rows), json);
        }
        return 0;
    }
}
