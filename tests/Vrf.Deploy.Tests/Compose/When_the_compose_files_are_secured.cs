using Vrf.Deploy.Tests.Support;
using Vrf.Deploy.Tests.Topology;
using Vrf.Gateway;
using Vrf.Serving.Failures;
using Vrf.Services;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Compose;

/// <summary>
/// What docker-compose.yml exposes and trusts, in every combination a user is told to run: only the gateway is
/// published on the network, no credential has a default (compose refuses to start without each, naming it), every
/// service connects to the broker as its own user and to Qdrant with its key, and runs unprivileged on a read-only root.
/// </summary>
public sealed class When_the_compose_files_are_secured
{
    private static readonly string[] Credentials =
    [
        "RABBITMQ_ADMIN_PASSWORD", "RABBITMQ_EMBEDDING_PASSWORD", "RABBITMQ_FAILURE_INDEX_PASSWORD", "RABBITMQ_SCORER_PASSWORD",
        "RABBITMQ_MONITOR_PASSWORD", "RABBITMQ_FINE_TUNING_PASSWORD", "RABBITMQ_GATEWAY_PASSWORD", "RABBITMQ_OPERATOR_PASSWORD", "QDRANT_API_KEY",
        "GATEWAY_OPERATOR_KEY_SHA256", "GATEWAY_CLIENT_KEY_SHA256", "GRAFANA_ADMIN_PASSWORD",
    ];

    public static TheoryData<string[]> Combinations
    {
        get
        {
            var combinations = new TheoryData<string[]>();
            foreach (var files in ComposeFiles.Combinations)
            {
                combinations.Add(files.Data);
                combinations.Add([.. files.Data, ComposeFiles.DebugPorts]);
            }
            return combinations;
        }
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Should_publish_no_port_but_the_gateways_on_every_interface(string[] files)
    {
        var compose = await ComposeFiles.ConfigAsync(files);

        foreach (var service in compose.Services.Values.Where(service => service.Name != GatewayService.Name))
        {
            Assert.All(service.Ports, port => Assert.True(port.IsLoopbackOnly, $"{string.Join(" + ", files)}: {service.Name} publishes {port} on every interface"));
        }
        if (!files.Contains(ComposeFiles.DebugPorts))
        {
            Assert.All(compose.Services.Values.Where(service => service.Name.StartsWith("qdrant", StringComparison.Ordinal) || service.Name == ComposeTopology.BrokerService),
                service => Assert.Empty(service.Ports));
        }
        Assert.All(compose.Services[GatewayService.Name].Ports, port => Assert.Equal("8080", port.Target));
    }

    [Fact]
    public async Task Should_refuse_to_start_while_a_credential_is_unset_and_name_it()
    {
        var required = ComposeFiles.Variables([ComposeFiles.Main]).Where(variable => variable.Required).Select(variable => variable.Name).ToList();
        var example = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".env.example"));

        Assert.Equal(Credentials.Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
        foreach (var variable in required)
        {
            var outcome = await ComposeFiles.TryConfigAsync([ComposeFiles.Main], [variable]);

            Assert.NotEqual(0, outcome.ExitCode);
            Assert.Contains($"set {variable} in .env (see .env.example)", outcome.Error);
            Assert.Contains($"{variable}=", example);
        }
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Should_keep_no_password_or_key_of_its_own(string[] files)
    {
        var compose = await ComposeFiles.ConfigAsync(files);
        var given = Credentials.Select(DeploySecrets.Value).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain("guest", compose.Rendered, StringComparison.OrdinalIgnoreCase);
        foreach (var service in compose.Services.Values)
        {
            foreach (var (key, value) in service.Environment.Where(entry => IsSecret(entry.Key)))
            {
                Assert.True(given.Contains(value), $"{service.Name}: {key} has a value of its own, not one from .env");
            }
        }
    }

    [Fact]
    public async Task Should_connect_each_service_to_the_broker_as_its_own_user_with_the_password_the_broker_is_given()
    {
        var compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main);
        var broker = compose.Services[ComposeTopology.BrokerService];
        var users = BrokerDefinitions.PasswordVariables();

        foreach (var service in compose.Built)
        {
            Assert.Equal(service.Name, service.Environment["Bus__Username"]);
            Assert.True(users.TryGetValue(service.Name, out var variable), $"deploy/rabbitmq/definitions.json has no user {service.Name}");
            Assert.Equal((service.Name, broker.Environment[variable]), (service.Name, service.Environment["Bus__Password"]));
        }
        Assert.Equal(["sh", "/etc/vrf/rabbitmq/start.sh", "docker-entrypoint.sh"], broker.Node.Items("entrypoint").Select(part => part.ToString()));
        Assert.Contains(broker.Volumes, volume => volume.Source.EndsWith(BrokerDefinitions.Folder, StringComparison.Ordinal) && volume.Target == "/etc/vrf/rabbitmq");
    }

    [Theory]
    [InlineData(ComposeFiles.Main)]
    [InlineData(ComposeFiles.Main, ComposeFiles.QdrantCluster)]
    public async Task Should_send_qdrant_the_api_key_every_node_requires(params string[] files)
    {
        var compose = await ComposeFiles.ConfigAsync(files);
        var key = compose.Services[ServiceNames.FailureIndex].Environment[$"{FailureIndexOptions.Section}__Qdrant__{nameof(QdrantIndexOptions.ApiKey)}"];

        var nodes = compose.Services.Values.Where(service => service.Image == compose.Services["qdrant"].Image).ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, node => Assert.Equal(key, node.Environment["QDRANT__SERVICE__API_KEY"]));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Should_run_every_service_and_the_tool_unprivileged_on_a_read_only_root(string[] files)
    {
        var compose = await ComposeFiles.ConfigAsync(files);

        foreach (var service in compose.Services.Values.Where(service => service.HostProject is not null))
        {
            Assert.Equal((service.Name, "true"), (service.Name, service.Node.Text("read_only")));
            Assert.Equal(["ALL"], service.Node.Items("cap_drop").Select(capability => capability.ToString()));
            Assert.Contains("no-new-privileges:true", service.Node.Items("security_opt").Select(option => option.ToString()));
            Assert.Contains("/tmp", service.Node.Items("tmpfs").Select(mount => mount.ToString()));
            Assert.Null(service.Node.Text("user"));
            Assert.Null(service.Node.Text("privileged"));
        }
    }

    [Fact]
    public async Task Should_confine_retrains_and_index_builds_to_the_training_data_volume()
    {
        var compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main);

        foreach (var (service, section) in new[] { (ServiceNames.FineTuning, "FineTuning"), (ServiceNames.FailureIndex, FailureIndexOptions.Section) })
        {
            var root = compose.Services[service].Environment[$"{section}__DataRoots__0"];
            Assert.Contains(compose.Services[service].Volumes, volume => volume.Target == root && volume.ReadOnly);
        }
    }

    [Theory]
    [InlineData("start.sh", "start.sh")]
    [InlineData("definitions.json", "definitions.json")]
    [InlineData("conf.d/30-vrf-definitions.conf", "30-vrf-definitions.conf")]
    public void Should_give_kubernetes_the_same_broker_definitions_as_compose(string file, string copy)
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, BrokerDefinitions.Folder, file)),
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, BrokerDefinitions.KubernetesFolder, copy)));
    }

    private static bool IsSecret(string key) =>
        new[] { "password", "api_key", "apikey", "sha256" }.Any(suffix => key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
