using System.Text.Json;
using Vrf.Serving.Scoring;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;
using Vrf.Testing;

namespace Vrf.Services.Tests.RabbitMq;

[Collection(nameof(ProcessTests))]
public sealed class When_vrf_serve_and_vrf_classify_talk_over_RabbitMQ(VrfServeOnRabbitMq services) : IClassFixture<VrfServeOnRabbitMq>
{
    [Fact]
    public async Task Should_classify_the_files_like_the_in_process_reference_and_report_the_failures()
    {
        using var images = new TemporaryDirectory();
        var files = Enumerable.Range(0, 6).Select(i => images.File($"image-{i}.png")).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            await File.WriteAllBytesAsync(files[i], QueryImages.Drawn(i % 3, 400 + i), TestContext.Current.CancellationToken);
        }
        await File.WriteAllBytesAsync(images.File("cut.png"), QueryImages.TruncatedPng(), TestContext.Current.CancellationToken);

        var run = await VrfProcess.RunAsync(["classify", "--bus", services.Broker.Address, "--store", services.Store.Root,
            "--model", ReadyStore.ModelName, "--top-k", "3", "--json", .. files, images.File("cut.png")]);

        Assert.True(run.ExitCode == 3, $"exit code {run.ExitCode}: {run.Error}\n{services.Diagnostics()}");
        var results = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var failure = Assert.Single(results, result => result.TryGetProperty("error", out _));
        Assert.Equal(("embedding", images.File("cut.png")), (failure.GetProperty("stage").GetString(), failure.GetProperty("file").GetString()));
        foreach (var result in results.Where(result => result.TryGetProperty("class", out _)))
        {
            var image = await File.ReadAllBytesAsync(result.GetProperty("file").GetString()!, TestContext.Current.CancellationToken);
            var reference = await services.Store.ClassifyAsync(image, new ClassificationRequest(TopK: 3));
            Assert.Equal(reference.Classification.Predicted.Name, result.GetProperty("class").GetString());
            Assert.Equal(reference.Classification.Weight, result.GetProperty("omega").GetDouble(), ReferenceResult.Tolerance);
            Assert.Equal(reference.Distance, result.GetProperty("d").GetDouble(), ReferenceResult.Tolerance);
            Assert.Equal(reference.Classification.Score.Probabilities[reference.Classification.Predicted.Index],
                result.GetProperty("probability").GetDouble(), ReferenceResult.Tolerance);
        }
        Assert.Equal(files.Count, results.Count(result => result.TryGetProperty("class", out _)));
    }
}
