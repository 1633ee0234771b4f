using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vrf.Cli.Commands.Bus;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.Services;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>
/// The classify pipeline under load: the embedding, failure-index and scorer services in this process on the in-memory
/// bus, or as processes of their own on RabbitMQ; and a classification client, as <c>vrf classify</c> has, that sends
/// the benchmark's images.
/// </summary>
public sealed class BenchedPipeline : IAsyncDisposable
{
    /// <summary>Requests in flight during the warm-up, per replica of the most replicated service.</summary>
    private const int WarmUpRequests = 8;

    private static readonly TimeSpan ResultTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan WarmUpAttemptTimeout = TimeSpan.FromSeconds(90);

    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;
    private readonly ClassificationClient _client;
    private readonly ServiceProcesses? _processes;
    private readonly ModelReference _model;
    private readonly IReadOnlyList<byte[]> _images;

    private BenchedPipeline(IHost host, ServiceProcesses? processes, ModelReference model, IReadOnlyList<byte[]> images)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
        _client = _scope.ServiceProvider.GetRequiredService<ClassificationClient>();
        _processes = processes;
        _model = model;
        _images = images;
    }

    /// <summary>Starts the services and the client, and warms them up: every stage has loaded the model and the queues
    /// exist.</summary>
    /// <param name="bus">The bus: in memory (the services then run here) or RabbitMQ (they run as <paramref name="replicas"/>).</param>
    public static async Task<BenchedPipeline> StartAsync(BusSettings bus, IReadOnlyList<(string Service, int Count)> replicas,
        ModelReference model, IReadOnlyList<byte[]> images, CancellationToken cancellationToken)
    {
        var processes = bus.InMemory ? null : await ServiceProcesses.StartAsync(bus, replicas, cancellationToken);
        var host = BusClientHost.Build(bus, ServiceCatalog.ClassifyPipeline, registration => registration.AddClassificationClient(), bus.Device);
        var pipeline = new BenchedPipeline(host, processes, model, images);
        try
        {
            await host.StartOrExplainAsync(bus, cancellationToken);
            await pipeline.WarmUpAsync(WarmUpRequests * replicas.Max(replica => replica.Count), cancellationToken);
            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    /// <summary>The service processes (on RabbitMQ) by service and operating-system id; none on the in-memory bus.</summary>
    public IReadOnlyList<(string Service, int ProcessId)> ServiceProcessIds => _processes?.Running ?? [];

    /// <summary>Classifies the <paramref name="index"/>-th image (the images taken in turn).</summary>
    public async Task<bool> ClassifyAsync(int index, CancellationToken cancellationToken)
    {
        var request = new ClassifyImage(Guid.NewGuid(), _model.Name, _model.Version, _images[index % _images.Count], $"bench-{index}.png");
        try
        {
            return (await _client.ClassifyAsync(request, ResultTimeout, cancellationToken)).Succeeded;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        _processes?.Dispose();
    }

    /// <summary>Sends rounds of concurrent requests until every request of a round succeeds, so every replica of every
    /// stage has loaded the model before the measurement (a request lost before the queues existed is sent again).</summary>
    private async Task WarmUpAsync(int concurrent, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(WarmUpTimeout);
        var lastFailure = "no round finished";
        while (true)
        {
            try
            {
                var outcomes = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(async i =>
                {
                    var request = new ClassifyImage(Guid.NewGuid(), _model.Name, _model.Version, _images[i % _images.Count], "warm-up.png");
                    try
                    {
                        return await _client.ClassifyAsync(request, WarmUpAttemptTimeout, deadline.Token);
                    }
                    catch (TimeoutException)
                    {
                        return null;
                    }
                }));
                if (outcomes.FirstOrDefault(outcome => outcome is { Succeeded: false }) is { } refused)
                {
                    throw new InvalidDataException($"The pipeline refused the benchmark's image: {refused.Failure?.Reason}");
                }
                if (outcomes.All(outcome => outcome is not null))
                {
                    return;
                }
                lastFailure = $"no answer within {WarmUpAttemptTimeout.TotalSeconds:0} s";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The pipeline gave no result within {WarmUpTimeout.TotalMinutes:0} minutes ({lastFailure}).");
            }
        }
    }
}
