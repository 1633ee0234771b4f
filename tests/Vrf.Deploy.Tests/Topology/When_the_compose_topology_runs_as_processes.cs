using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vrf.Deploy.Tests.Support;
using Vrf.Serving.Scoring;
using Vrf.Services;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Deploy.Tests.Topology;

/// <summary>
/// The configuration surface the containers use, not just the code: every service of docker-compose.yml as its own
/// process with compose's environment, scaled out, classifies an image sent to the gateway's HTTP endpoint exactly as
/// the in-process reference does, and trains, indexes and serves a new version for a retrain sent with
/// <c>vrf retrain</c>, followed through the gateway's job API.
/// </summary>
public sealed partial class When_the_compose_topology_runs_as_processes(ComposeTopology topology) : IClassFixture<ComposeTopology>
{
    private static readonly TimeSpan FlowTimeout = TimeSpan.FromMinutes(4);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(200) };

    [Fact]
    public async Task Should_classify_through_the_gateway_and_serve_the_version_vrf_retrain_trains()
    {
        if (topology.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
        var cancellation = TestContext.Current.CancellationToken;
        foreach (var (service, replicas) in ComposeTopology.Replicas)
        {
            Assert.Equal((service, (uint)replicas), (service, await topology.Broker.ConsumerCountAsync(service, cancellation)));
        }
        var image = TinyImages.Draw(1, new Random(500));

        var before = await ClassifyAsync(image);
        var (reference, distance) = await topology.Store.ClassifyAsync(image, new ClassificationRequest(), cancellation);
        Assert.Equal((ReadyModelStore.ModelName, topology.Store.Ready.Id.Version), (before.ModelName, before.ModelVersion));
        Assert.Equal(reference.Predicted.Index, before.PredictedClass.Index);
        Assert.Equal(reference.Predicted.Probability, before.PredictedClass.Probability, 1e-5);
        Assert.Equal(reference.Weight, before.Weight, 1e-5);
        Assert.Equal(distance, before.Distance!.Value, 1e-5);

        var retrain = await VrfProcess.RunAsync("retrain", "--bus", topology.Broker.Address, "--store", topology.Store.Root,
            "--model", ReadyModelStore.ModelName, "--train", topology.LocalPath("/training-data/train"), "--val", topology.LocalPath("/training-data/val"),
            "--epochs", "2", "--batch-size", "6", "--seed", "2");
        Assert.True(retrain.ExitCode == 0, $"{retrain.Error}{retrain.Output}");
        var jobId = JobLine().Match(retrain.Output).Groups["id"].Value;
        var job = (await EventuallyAsync(() => GetAsync<JobView>($"/v1/jobs/{jobId}"), job => job?.Status is "trained" or "failed" or "cancelled"))!;
        Assert.True(job.Status == "trained", $"job {jobId}: {job.Status} {job.Reason}\n{topology.Diagnostics()}");
        var model = (await EventuallyAsync(() => GetAsync<ModelView>($"/v1/models/{ReadyModelStore.ModelName}"), model => model?.CurrentVersion == job.ResultVersion))!;
        var after = await EventuallyAsync(() => ClassifyAsync(image), result => result.ModelVersion == model.CurrentVersion);

        Assert.Equal(topology.Store.Ready.Id.Version + 1, after.ModelVersion);
        Assert.All(topology.Processes, process => Assert.True(process.IsRunning, $"{process.Name} stopped:\n{process.Output}"));
        foreach (var process in topology.Processes)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{process.Name}: peak resident memory {ResidentMemory.PeakMebibytes(process.ProcessId):F0} MiB");
        }
    }

    private async Task<ClassifiedView> ClassifyAsync(byte[] image)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", "drawn.png");
        using var response = await Http.PostAsync(new Uri(topology.Gateway, $"/v1/classify?model={ReadyModelStore.ModelName}"), form,
            TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}\n{topology.Diagnostics()}");
        return JsonSerializer.Deserialize<ClassifiedView>(body, Json)!;
    }

    private async Task<T?> GetAsync<T>(string path)
    {
        using var response = await Http.GetAsync(new Uri(topology.Gateway, path), TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? default
            : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<T>(Json, TestContext.Current.CancellationToken);
    }

    /// <summary>Asks until the answer is what <paramref name="done"/> waits for, at most <see cref="FlowTimeout"/>.</summary>
    private async Task<T> EventuallyAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(FlowTimeout);
        while (true)
        {
            var answer = await ask();
            if (done(answer))
            {
                return answer;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Still {JsonSerializer.Serialize(answer)} after {FlowTimeout}.\n{topology.Diagnostics()}");
            }
        }
    }

    [GeneratedRegex(@"Job (?<id>[0-9a-f-]{36}):")]
    private static partial Regex JobLine();

    private sealed record ClassView(int Index, string Name, double Probability);

    private sealed record ClassifiedView(string ModelName, int ModelVersion, ClassView PredictedClass, double Weight, double? Distance);

    private sealed record JobView(string Status, int? ResultVersion, string? Reason);

    private sealed record ModelView(string Name, int? CurrentVersion);
}
