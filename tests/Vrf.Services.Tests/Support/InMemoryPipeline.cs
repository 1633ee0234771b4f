using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.ServiceDefaults;

namespace Vrf.Services.Tests.Support;

/// <summary>
/// The three services of the classify pipeline (or the services given) and a classification and a drift client
/// registered exactly as the hosts register them, on MassTransit's test harness (in memory, with the project's
/// message policy), over a given model store.
/// </summary>
public sealed class InMemoryPipeline : IAsyncDisposable
{
    public static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(60);

    private readonly ServiceProvider _provider;

    private InMemoryPipeline(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Harness = harness;
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _provider;

    /// <param name="settings">Configuration on top of the store's, for example <c>Embedding:MaxBatchSize</c>.</param>
    /// <param name="configure">Further registrations, for example telemetry.</param>
    /// <param name="services">The services to run; the classify pipeline's when null.</param>
    public static async Task<InMemoryPipeline> StartAsync(string storeRoot, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null, IReadOnlyList<ServiceModule>? services = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ModelStore:Root"] = storeRoot, ["Inference:BatchSize"] = "4" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var registrations = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        registrations.AddLogging();
        configure?.Invoke(registrations);
        registrations.AddServiceModules(configuration, services ?? ServiceCatalog.ClassifyPipeline, MessageBusOptions.Parse("memory"),
            bus =>
            {
                bus.AddClassificationClient();
                bus.AddDriftClient();
            });
        registrations.AddMassTransitTestHarness(bus => bus.UsingInMemory((context, configurator) =>
        {
            configurator.UseVrfMessagePolicy(context);
            configurator.ConfigureEndpoints(context);
        }));
        var provider = registrations.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromMinutes(3);
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(30);
        await harness.Start();
        var pipeline = new InMemoryPipeline(provider, harness);
        harness.Bus.ConnectConsumeObserver(pipeline.Consumed);
        return pipeline;
    }

    /// <summary>Publishes the request through the classification client and waits for its result or failure.</summary>
    public async Task<ClassificationOutcome> ClassifyAsync(ClassifyImage request)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClassificationClient>()
            .ClassifyAsync(request, ResultTimeout, TestContext.Current.CancellationToken);
    }

    /// <summary>The monitor's drift reports of one model (its current version unless one is given) or of every model.</summary>
    public async Task<IReadOnlyList<ModelDriftReport>> DriftAsync(string? model, int? version = null)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DriftClient>()
            .CheckAsync(model, version, ResultTimeout, TestContext.Current.CancellationToken);
    }

    /// <summary>Classifies and asserts that it succeeded, showing the failure otherwise.</summary>
    public async Task<ImageClassified> ClassifiedAsync(ClassifyImage request)
    {
        var outcome = await ClassifyAsync(request);
        Assert.True(outcome.Succeeded, $"{request.FileName} failed in {outcome.Failure?.Stage}: {outcome.Failure?.Reason}");
        return outcome.Result!;
    }

    /// <summary>Waits for the failure result of a request whose outcome the client does not wait for (a message
    /// published straight into the middle of the pipeline).</summary>
    public async Task<ImageClassificationFailed> FailureOfAsync(Guid requestId)
    {
        Assert.True(await Harness.Published.Any<ImageClassificationFailed>(
            message => message.Context.Message.RequestId == requestId, TestContext.Current.CancellationToken),
            $"no ImageClassificationFailed was published for request {requestId}");
        return PublishedSoFar<ImageClassificationFailed>().First(message => message.RequestId == requestId);
    }

    /// <summary>The messages of a type published so far, without waiting for more (the harness's <c>Select</c> waits
    /// for a quiet bus unless its token is already cancelled).</summary>
    public IReadOnlyList<T> PublishedSoFar<T>()
        where T : class =>
        [.. Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(message => message.Context.Message)];

    /// <summary>The messages each queue's consumers have finished with since the bus started.</summary>
    public ConsumeCounter Consumed { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
