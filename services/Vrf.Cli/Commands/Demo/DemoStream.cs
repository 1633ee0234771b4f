using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Vrf.Cli.Commands.Bus;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.Serving.Datasets;
using Vrf.Serving.Store;
using Vrf.Services;

namespace Vrf.Cli.Commands.Demo;

/// <summary>
/// The demo's stream phase: a few images of the ID test split and of every shifted split, interleaved, sent one
/// <see cref="ClassifyImage"/> each through the embedding, failure-index and scorer services, as <c>vrf classify</c>
/// sends them; then a table of the results with d, ω, both models' own answers and the nearest zero-shot failures.
/// </summary>
internal static class DemoStream
{
    private const int InFlight = 16;
    private const int NearestFailures = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(Terminal terminal, DemoSettings settings, DemoDataSet data, DemoProfile profile, ModelBundle model,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Name, string Folder)> splits = [("id", data.Folders.Test), .. data.Shifted];
        var images = Interleave([.. splits.Select(split => Pick(split.Name, split.Folder, model.Manifest.ClassNames, profile.StreamPerSplit))]);
        using var host = BusClientHost.Build(settings, ServiceCatalog.ClassifyPipeline, bus => bus.AddClassificationClient(), settings.Device);
        await host.StartOrExplainAsync(settings, cancellationToken);
        terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Classifying {images.Count} images ({profile.StreamPerSplit} of the ID test split and of each shifted split, interleaved) with " +
            $"{model.Id} through the embedding, failure-index and scorer services {settings.ServicesLocation}.")));
        var clock = Stopwatch.StartNew();
        var results = new StreamedImage[images.Count];
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var client = scope.ServiceProvider.GetRequiredService<ClassificationClient>();
            await terminal.Out.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                .StartAsync(async progress =>
                {
                    var bar = progress.AddTask("classified", maxValue: images.Count);
                    using var inFlight = new SemaphoreSlim(InFlight);
                    await Task.WhenAll(images.Select(async (image, i) =>
                    {
                        await inFlight.WaitAsync(cancellationToken);
                        try
                        {
                            var request = new ClassifyImage(Guid.NewGuid(), model.Id.Name, model.Id.Version,
                                await File.ReadAllBytesAsync(image.Sample.Path, cancellationToken), Path.GetFileName(image.Sample.Path),
                                EnsembleMode.Vrf, TopK: 3, NearestFailureCount: NearestFailures);
                            results[i] = new StreamedImage(image.Split, image.Sample, await client.ClassifyAsync(request, Timeout, cancellationToken));
                            bar.Increment(1);
                        }
                        finally
                        {
                            inFlight.Release();
                        }
                    }));
                });
        }
        var elapsed = clock.Elapsed;
        await host.StopAsync(CancellationToken.None);
        Render(terminal, results, model);
        var correct = results.Count(r => r.Outcome.Result?.PredictedClassIndex == r.Sample.Label);
        var failed = results.Count(r => !r.Outcome.Succeeded);
        var failures = failed > 0 ? $"; {failed} failed" : "";
        terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{results.Length} images in {elapsed.TotalSeconds:0.0} s ({results.Length / elapsed.TotalSeconds:0.#} images/s); VRF was right on {correct}{failures}.")));
        return failed;
    }

    /// <summary>A table of the first image of every split: the truth, VRF's answer and what explains it.</summary>
    private static void Render(Terminal terminal, IReadOnlyList<StreamedImage> results, ModelBundle model)
    {
        var table = new Table().Title("A few results (the first image of each split)")
            .AddColumn("Split").AddColumn("Image").AddColumn("True").AddColumn("VRF").AddColumn(new TableColumn("d").RightAligned())
            .AddColumn(new TableColumn("ω").RightAligned()).AddColumn("Zero-shot").AddColumn("Fine-tuned").AddColumn("Nearest failures (label, d)");
        foreach (var result in results.GroupBy(r => r.Split).Select(split => split.First()))
        {
            var file = Markup.Escape(result.Sample.Id);
            if (result.Outcome.Result is not { } classified)
            {
                table.AddRow(Markup.Escape(result.Split), file, Markup.Escape(model.Manifest.ClassNames[result.Sample.Label]),
                    $"[red]{Markup.Escape(result.Outcome.Failure?.Reason ?? "failed")}[/]", "", "", "", "", "");
                continue;
            }
            var right = classified.PredictedClassIndex == result.Sample.Label;
            table.AddRow(
                Markup.Escape(result.Split),
                file,
                Markup.Escape(model.Manifest.ClassNames[result.Sample.Label]),
                $"[{(right ? "green" : "red")}]{Markup.Escape(classified.PredictedClassName)} {Number(classified.TopClasses[0].Probability, "0.00")}[/]",
                classified.Distance is { } d ? Number(d, "0.000") : "∞",
                Number(classified.Weight, "0.00"),
                Markup.Escape($"{classified.ZeroShotTopClass.Name} {Number(classified.ZeroShotTopClass.Probability, "0.00")}"),
                Markup.Escape($"{classified.FineTunedTopClass.Name} {Number(classified.FineTunedTopClass.Probability, "0.00")}"),
                Markup.Escape(string.Join(", ", classified.NearestFailures.Select(f =>
                    $"{model.Manifest.ClassNames[f.Label]} {Number(f.Distance, "0.00")}"))));
        }
        terminal.Out.Write(table);
    }

    /// <summary><paramref name="count"/> samples spread evenly over the split's fixed order (so over its classes).</summary>
    private static IReadOnlyList<(string Split, ImageSample Sample)> Pick(string split, string folder, IReadOnlyList<string> classNames, int count)
    {
        var samples = ImageFolderDataset.Open(folder, classNames).Samples;
        return [.. Enumerable.Range(0, Math.Min(count, samples.Count)).Select(i => (split, samples[i * samples.Count / count]))];
    }

    private static List<(string Split, ImageSample Sample)> Interleave(IReadOnlyList<IReadOnlyList<(string Split, ImageSample Sample)>> splits) =>
        [.. Enumerable.Range(0, splits.Max(split => split.Count)).SelectMany(i => splits.Where(split => i < split.Count).Select(split => split[i]))];

    private static string Number(double value, string format) =>
        double.IsPositiveInfinity(value) ? "∞" : value.ToString(format, CultureInfo.InvariantCulture);

    private sealed record StreamedImage(string Split, ImageSample Sample, ClassificationOutcome Outcome);
}
