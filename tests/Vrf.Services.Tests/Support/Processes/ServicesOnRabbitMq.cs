using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.ServiceDefaults;
using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>
/// Services running as child processes on a virtual host of the local RabbitMQ made for this run, sharing a model
/// store with a ready model, and a classification client in the test process on the same virtual host. Subclasses
/// choose the processes.
/// </summary>
public abstract class ServicesOnRabbitMq : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly List<ServiceProcess> _processes = [];
    private IHost? _client;
    private BrokerVirtualHost? _broker;

    /// <param name="store">The model store the services share; a <see cref="ReadyStore"/> when null.</param>
    protected ServicesOnRabbitMq(ReadyStore? store = null) => Store = store ?? new ReadyStore();

    public ReadyStore Store { get; }

    public BrokerVirtualHost Broker => _broker ?? throw new InvalidOperationException("The services are not started.");

    public IBus Bus => Client.Services.GetRequiredService<IBus>();

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>The test's client's own queue, for messages published into the middle of the pipeline.</summary>
    public Uri ReplyAddress => Client.Services.GetRequiredService<ClassificationReplyAddress>().Value;

    /// <summary>The client's requests in flight, and the outcomes it dropped as duplicates or late.</summary>
    public PendingClassifications Pending => Client.Services.GetRequiredService<PendingClassifications>();

    /// <summary>Every job, model and drift event the test's client received.</summary>
    public BusEventLog Events => Client.Services.GetRequiredService<BusEventLog>();

    private IHost Client => _client ?? throw new InvalidOperationException("The services are not started.");

    public async ValueTask InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        try
        {
            await Store.InitializeAsync();
            _broker = await CreateBrokerAsync(deadline.Token);
            StartServices(_broker, _processes.Add);
            await Task.WhenAll(_processes.Select(process => process.WaitUntilReadyAsync(deadline.Token)));
            _client = ClientHost(_broker.Options);
            await _client.StartAsync(deadline.Token);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>How long a request waits for its outcome.</summary>
    protected virtual TimeSpan ResultTimeout => TimeSpan.FromSeconds(90);

    /// <summary>The virtual host the services and the client use: by default one of its own on the machine's broker.</summary>
    protected virtual Task<BrokerVirtualHost> CreateBrokerAsync(CancellationToken cancellationToken) =>
        BrokerVirtualHost.CreateAsync(cancellationToken);

    /// <summary>Starts the service processes, handing each to <paramref name="started"/> as soon as it runs.</summary>
    protected abstract void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started);

    /// <summary>Starts one more service process (a replacement for a killed one, say) and waits until it is ready.</summary>
    public async Task<ServiceProcess> StartServiceAsync(string name, string assemblyPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = ServiceEnvironment(Broker);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var process = ServiceProcess.Start(name, assemblyPath, environment);
        _processes.Add(process);
        using var deadline = new CancellationTokenSource(StartTimeout);
        await process.WaitUntilReadyAsync(deadline.Token);
        return process;
    }

    /// <summary>The services' configuration for the broker and the store, as environment variables.</summary>
    protected Dictionary<string, string> ServiceEnvironment(BrokerVirtualHost broker) => new()
    {
        ["Bus__Host"] = broker.Options.Host,
        ["Bus__Port"] = broker.Options.Port.ToString(CultureInfo.InvariantCulture),
        ["Bus__VirtualHost"] = broker.Options.VirtualHost,
        ["Bus__Username"] = broker.Options.Username,
        ["Bus__Password"] = broker.Options.Password,
        ["VRF_MODEL_STORE"] = Store.Root,
    };

    /// <summary>Classifies through the classification client; a missing outcome fails with what the services printed.</summary>
    public async Task<ClassificationOutcome> ClassifyAsync(ClassifyImage request)
    {
        await using var scope = Client.Services.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<ClassificationClient>()
                .ClassifyAsync(request, ResultTimeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\n{Diagnostics()}", timeout);
        }
    }

    /// <summary>The monitor's drift reports of one model (its current version unless one is given) or of every model.</summary>
    public async Task<IReadOnlyList<ModelDriftReport>> DriftAsync(string? model, int? version = null)
    {
        await using var scope = Client.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DriftClient>()
            .CheckAsync(model, version, ResultTimeout, TestContext.Current.CancellationToken);
    }

    /// <summary>Publishes a message into the middle of the pipeline (naming <see cref="ReplyAddress"/>) and waits for the
    /// outcome of its request.</summary>
    public async Task<ClassificationOutcome> OutcomeOfAsync<T>(T message, Guid requestId)
        where T : class
    {
        var outcome = Client.Services.GetRequiredService<PendingClassifications>().Expect(requestId);
        await Bus.Publish(message, TestContext.Current.CancellationToken);
        try
        {
            return await outcome.WaitAsync(ResultTimeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No outcome for the {typeof(T).Name} of request {requestId}.\n{Diagnostics()}");
        }
    }

    /// <summary>What each service printed, for failure messages.</summary>
    public string Diagnostics() =>
        string.Join('\n', _processes.Select(process => $"--- {process.Name} ({process.Address}) ---\n{Tail(process.Output)}"));

    public virtual async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(CancellationToken.None);
            _client.Dispose();
            _client = null;
        }
        _processes.ForEach(process => process.Dispose());
        _processes.Clear();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
            _broker = null;
        }
        await Store.DisposeAsync();
    }

    /// <summary>A host for the client alone; the machine's environment and settings files stay out of it.</summary>
    private static IHost ClientHost(MessageBusOptions bus)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "Vrf.Services.Tests",
            EnvironmentName = Environments.Production,
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddVrfMessageBus(bus, registration =>
        {
            registration.AddClassificationClient();
            registration.AddDriftClient();
            registration.AddEventInbox("bus-event-log", typeof(FineTuningStarted), typeof(FineTuningProgressed), typeof(ModelTrained),
                typeof(FineTuningFailed), typeof(FineTuningCancelled), typeof(ModelIndexingFailed), typeof(ModelPromoted),
                typeof(DistributionShiftDetected), typeof(DistributionShiftCleared));
            registration.AddSingleton<BusEventLog>();
        });
        return builder.Build();
    }

    private static string Tail(string output, int characters = 6000) =>
        output.Length <= characters ? output : $"…{output[^characters..]}";
}
