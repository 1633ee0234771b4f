using System.Net;
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
    [Fact]
    public async Task Should_include_the_monitor_so_the_gateway_and_vrf_monitor_report_the_drift_window()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await DriftTraffic.ClassifyAllAsync(DriftTraffic.InDistribution(5, seed: 700), services.ClassifyAsync);
        while ((await services.Broker.QueuesAsync(cancellation)).GetValueOrDefault(ServiceNames.Monitor) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
        using var http = new HttpClient { BaseAddress = services.Processes.Single().Address };

        using var response = await http.GetAsync($"/v1/models/{ReadyStore.ModelName}/drift", cancellation);
        var monitor = await VrfProcess.RunAsync(["monitor", "--json", "--bus", services.Broker.Address, "--model", ReadyStore.ModelName]);
        var unknown = await VrfProcess.RunAsync(["monitor", "--json", "--bus", services.Broker.Address, "--model", "no-such-model"]);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellation)}");
        var drift = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation)).RootElement;
        Assert.Equal(["model", "version", "alarm", "since", "window", "statistics"], drift.EnumerateObject().Select(property => property.Name));
        Assert.Equal((ReadyStore.ModelName, services.Store.Ready.Id.Version, false),
            (drift.GetProperty("model").GetString(), drift.GetProperty("version").GetInt32(), drift.GetProperty("alarm").GetBoolean()));
        Assert.True(drift.GetProperty("window").GetProperty("size").GetInt32() >= 5);
        Assert.True(monitor.ExitCode == 0, $"exit code {monitor.ExitCode}: {monitor.Error}");
        var printed = JsonDocument.Parse(Assert.Single(monitor.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal(drift.EnumerateObject().Select(property => property.Name), printed.EnumerateObject().Select(property => property.Name));
        Assert.Equal(drift.GetProperty("window").GetProperty("size").GetInt32(), printed.GetProperty("window").GetProperty("size").GetInt32());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("error: The model store has no model 'no-such-model'.", Assert.Single(unknown.ErrorLines));
    }
}
