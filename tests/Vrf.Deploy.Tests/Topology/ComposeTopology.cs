using Vrf.Gateway;
using System.Globalization;
using Vrf.Deploy.Tests.Support;
using Vrf.Serving.Failures;
using Vrf.ServiceDefaults;
using Vrf.Services;
using Vrf.Services.Tests.Support.Processes;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Deploy.Tests.Topology;

/// <summary>
/// docker-compose.yml's services as processes on this machine: every service it builds runs its host with the
/// environment compose gives it (read from <c>docker-compose config</c>), two embedding and two scorer replicas as
/// <c>--scale embedding=2 --scale scorer=2</c> would run them, on a private virtual host of the local RabbitMQ, the
/// named volumes as local folders (the model store with a ready tiny model, the training data its images). What cannot
/// run here is translated, each for its reason: the broker's host name becomes the local broker; Jaeger is not
/// installable here, so traces are not exported; nor is Qdrant, so the failure index is the embedded one, which passes
/// the same behaviour suite.
/// </summary>
public sealed class ComposeTopology : IAsyncLifetime
{
    public const string BrokerService = "rabbitmq";

    /// <summary>Replicas per compose service; one where not named.</summary>
    public static IReadOnlyDictionary<string, int> Replicas { get; } = new Dictionary<string, int>
    {
        [ServiceNames.Embedding] = 2,
        [ServiceNames.Scorer] = 2,
    };

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly List<ServiceProcess> _processes = [];
    private ReadyModelStore? _store;
    private BrokerVirtualHost? _broker;
    private ComposeProject? _compose;

    /// <summary>Why the topology cannot run here (docker-compose missing), or null when it runs.</summary>
    public string? Unavailable { get; private set; }

    public ReadyModelStore Store => _store ?? throw new InvalidOperationException("The topology is not running.");

    public BrokerVirtualHost Broker => _broker ?? throw new InvalidOperationException("The topology is not running.");

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>The gateway's address: the one service compose publishes a port for.</summary>
    public Uri Gateway => _processes.Single(process => process.Name == GatewayService.Name).Address!;

    /// <summary>Each named volume of the compose file and the local folder that stands for it.</summary>
    public IReadOnlyDictionary<string, string> VolumeFolders => new Dictionary<string, string>
    {
        ["model-store"] = Store.Root,
        ["training-data"] = Store.Workspace.Root,
    };

    private const string ClassifyTimeoutKey = "Gateway__ClassifyTimeoutSeconds";

    public async ValueTask InitializeAsync()
    {
        if (!ExternalTool.IsInstalled("docker-compose"))
        {
            Unavailable = "docker-compose is not installed (scripts/install-prerequisites.sh installs Debian's docker-compose 1.29.2).";
            return;
        }
        using var deadline = new CancellationTokenSource(StartTimeout);
        try
        {
            _compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main);
            _store = await ReadyModelStore.CreateAsync(deadline.Token);
            _broker = await BrokerVirtualHost.CreateAsync(deadline.Token);
            foreach (var service in _compose.Built)
            {
                var environment = Localized(service);
                var replicas = Replicas.GetValueOrDefault(service.Name, 1);
                for (var replica = 1; replica <= replicas; replica++)
                {
                    var name = replicas == 1 ? service.Name : $"{service.Name}-{replica}";
                    _processes.Add(ServiceProcess.Start(name, HostAssembly.Of(service.HostProject!), environment));
                }
            }
            await Task.WhenAll(_processes.Select(process => process.WaitUntilReadyAsync(deadline.Token)));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>The local path of a path inside a container (a mount of one of <see cref="VolumeFolders"/>).</summary>
    public string LocalPath(string containerPath)
    {
        var mount = _compose!.Built.SelectMany(service => service.Volumes)
            .First(volume => containerPath == volume.Target || containerPath.StartsWith($"{volume.Target}/", StringComparison.Ordinal));
        return VolumeFolders[mount.Source] + containerPath[mount.Target.Length..];
    }

    /// <summary>What each process printed, for failure messages.</summary>
    public string Diagnostics() =>
        string.Join('\n', _processes.Select(process => $"--- {process.Name} ({process.Address}) ---\n{Tail(process.Output)}"));

    public async ValueTask DisposeAsync()
    {
        _processes.ForEach(process => process.Dispose());
        _processes.Clear();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
            _broker = null;
        }
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }
    }

    /// <summary>The compose service's environment with its container names and paths made this machine's.</summary>
    private Dictionary<string, string> Localized(ComposeService service)
    {
        var environment = new Dictionary<string, string>(service.Environment, StringComparer.Ordinal);
        Assert.Equal(BrokerService, environment[$"{MessageBusOptions.SectionName}__{nameof(MessageBusOptions.Host)}"]);
        environment[$"{MessageBusOptions.SectionName}__{nameof(MessageBusOptions.Host)}"] = Broker.Options.Host;
        environment[$"{MessageBusOptions.SectionName}__{nameof(MessageBusOptions.Port)}"] = Broker.Options.Port.ToString(CultureInfo.InvariantCulture);
        environment[$"{MessageBusOptions.SectionName}__{nameof(MessageBusOptions.VirtualHost)}"] = Broker.Name;
        environment.Remove(OpenTelemetryExtensions.OtlpEndpointKey);
        // A first request loads the model in every stage; on a loaded test machine that alone can outlast compose's
        // 30 s, and this test checks the configuration surface, not latency.
        if (environment.ContainsKey(ClassifyTimeoutKey))
        {
            environment[ClassifyTimeoutKey] = "180";
        }
        if (environment.Remove($"{FailureIndexOptions.Section}__{nameof(FailureIndexOptions.Kind)}"))
        {
            environment.Remove(QdrantIndexOptions.UrlEnvironmentVariable);
            environment[$"{FailureIndexOptions.Section}__{nameof(FailureIndexOptions.Kind)}"] = nameof(FailureIndexKind.Embedded);
        }
        foreach (var (key, value) in environment.Where(pair => pair.Value.StartsWith('/')).ToList())
        {
            environment[key] = LocalPath(value);
        }
        var unresolved = environment.Where(pair => NamesContainer(pair.Key, pair.Value)).ToList();
        Assert.True(unresolved.Count == 0,
            $"{service.Name} is pointed at containers this topology does not translate: {string.Join(", ", unresolved.Select(pair => $"{pair.Key}={pair.Value}"))}");
        return environment;
    }

    /// <summary>Whether a setting points at another container: a host name or a URL's host that is a compose service.</summary>
    private bool NamesContainer(string key, string value) =>
        _compose!.Services.ContainsKey(key.EndsWith("__Host", StringComparison.Ordinal) ? value
            : Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.Host : "");

    private static string Tail(string output, int characters = 6000) =>
        output.Length <= characters ? output : $"…{output[^characters..]}";
}
