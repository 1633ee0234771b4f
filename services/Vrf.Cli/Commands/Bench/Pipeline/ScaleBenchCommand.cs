using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>
/// <c>vrf bench scale</c>: closed-loop throughput of the pipeline on RabbitMQ with 1, 2 and 4 scorer processes, then 1
/// and 2 embedding processes (one of each other service), the speedup over the fewest replicas, and where the
/// processes outnumber the cores.
/// </summary>
public sealed class ScaleBenchCommand(Terminal terminal) : AsyncCommand<ScaleBenchSettings>
{
    private const string Scorer = "scorer";
    private const string Embedding = "embedding";
    private const string FailureIndex = "failure-index";

    public override async Task<int> ExecuteAsync(CommandContext context, ScaleBenchSettings settings, CancellationToken cancellationToken)
    {
        // Ctrl+C or SIGTERM stops the run: the service processes are killed and a model made for it deleted on the way out.
        using var interruption = Interruption.Watch(cancellationToken);
        cancellationToken = interruption.Token;
        var machine = BenchMachine.Current(settings.DeviceOrDefault);
        var model = settings.ServableModel();
        var images = settings.ReadImages();
        var rows = new List<ScaleBenchRow>();
        foreach (var (service, counts) in new[] { (Scorer, settings.ScorerCounts), (Embedding, settings.EmbedderCounts) })
        {
            double? baseline = null;
            var fewest = counts.Min();
            foreach (var count in counts.Order())
            {
                (string, int)[] replicas = [(Embedding, service == Embedding ? count : 1), (FailureIndex, 1), (Scorer, service == Scorer ? count : 1)];
                terminal.Error.WriteLine($"Starting {count} {service} process(es) and one of each other service on {settings.BusOptions()}...");
                await using var pipeline = await BenchedPipeline.StartAsync(settings, replicas, model, images, cancellationToken);
                var figures = (await LoadRuns.MeasureAsync(pipeline, settings, openLoop: false, terminal, cancellationToken))[0].Figures;
                baseline ??= figures.ImagesPerSecond;
                var speedup = figures.ImagesPerSecond / baseline.Value;
                rows.Add(new ScaleBenchRow(model.ToString(), "rabbitmq", service, count, replicas.Sum(replica => replica.Item2),
                    figures.ImagesPerSecond, figures.P50Ms, figures.P95Ms, figures.P99Ms, figures.Failed, speedup, speedup * fewest / count));
            }
        }
        new ScaleBenchTable(terminal.Out).Write(machine, rows);
        if (settings.Json is { } json)
        {
            SnakeCaseReportFile.Write(new ScaleBenchReport(machine, rows), json);
        }
        return 0;
    }
}
