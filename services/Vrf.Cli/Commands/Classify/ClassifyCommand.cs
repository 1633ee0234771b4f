using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Vrf.Client;
using Vrf.Cli.Commands.Bus;
using Vrf.Contracts;
using Vrf.Services;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Classify;

/// <summary>
/// <c>vrf classify</c>: publishes one <c>ClassifyImage</c> per file (up to <c>--parallel</c> at once), prints each
/// result as it arrives and a summary with the throughput. With <c>--bus memory</c> the embedding, failure-index and
/// scorer services run in this process. Exits with <see cref="CliErrors.SomeInputsFailed"/> when an image failed. The
/// first Ctrl+C or SIGTERM stops it at once: it prints what arrived and exits with <see cref="CliErrors.Interrupted"/>
/// (a second Ctrl+C ends the process outright).
/// </summary>
public sealed class ClassifyCommand(Terminal terminal) : AsyncCommand<ClassifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ClassifySettings settings, CancellationToken cancellationToken)
    {
        var model = ModelReference.Parse(settings.Model!);
        var missing = settings.Files.FirstOrDefault(file => !File.Exists(file));
        if (missing is not null)
        {
            throw new FileNotFoundException($"Image file '{missing}' does not exist.", missing);
        }

        using var interruption = Interruption.Watch(cancellationToken);
        using var host = BusClientHost.Build(settings, ServiceCatalog.ClassifyPipeline, bus => bus.AddClassificationClient(), settings.Device);
        await host.StartOrExplainAsync(settings, interruption.Token);
        IResultsReport report = settings.Json ? new JsonLinesReport(terminal) : new TableReport(terminal);
        report.Start();
        var reporting = new Lock();
        var (answered, failed) = (0, 0);
        var clock = Stopwatch.StartNew();
        try
        {
            using var inFlight = new SemaphoreSlim(settings.Parallel);
            await using var scope = host.Services.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<ClassificationClient>();
            await Task.WhenAll(settings.Files.Select(async file =>
            {
                await inFlight.WaitAsync(interruption.Token);
                try
                {
                    var image = await ClassifyAsync(client, file, model, settings, interruption.Token);
                    lock (reporting)
                    {
                        answered++;
                        failed += image.Succeeded ? 0 : 1;
                        report.Add(image);
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }
        catch (OperationCanceledException) when (interruption.Signalled)
        {
            lock (reporting)
            {
                report.Finish(new ClassificationSummary(answered, failed, clock.Elapsed));
                terminal.Warn($"interrupted: {answered} of {settings.Files.Length} image(s) answered; the others were not waited for");
            }
            return CliErrors.Interrupted;
        }
        report.Finish(new ClassificationSummary(settings.Files.Length, failed, clock.Elapsed));
        await host.StopAsync(CancellationToken.None);
        return failed == 0 ? 0 : CliErrors.SomeInputsFailed;
    }

    private static async Task<ClassifiedImage> ClassifyAsync(ClassificationClient client, string file, ModelReference model,
        ClassifySettings settings, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var request = new ClassifyImage(requestId, model.Name, model.Version, await File.ReadAllBytesAsync(file, cancellationToken),
                Path.GetFileName(file), settings.EnsembleMode, settings.Alpha, settings.TopK, settings.Nearest);
            var outcome = await client.ClassifyAsync(request, TimeSpan.FromSeconds(settings.Timeout), cancellationToken);
            return new ClassifiedImage(file, requestId, model.Name, outcome, null, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is TimeoutException or IOException or UnauthorizedAccessException)
        {
            return new ClassifiedImage(file, requestId, model.Name, null, e.Message, Stopwatch.GetElapsedTime(started));
        }
    }
}
