using Vrf.Cli.Commands.Serve;
using System.Text.RegularExpressions;
using Vrf.Deploy.Tests.Support;
using Vrf.Deploy.Tests.Topology;
using Vrf.ServiceDefaults;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using Vrf.Serving.Inference;
using Vrf.Services;

using Vrf.Testing;

namespace Vrf.Deploy.Tests.Compose;

/// <summary>docker-compose.yml and its overrides validate with Debian's docker-compose 1.29.2 in every combination a
/// user is told to run, and say what deploy/README.md says they do.</summary>
public sealed partial class When_the_compose_files_are_rendered
{
    public static TheoryData<string[]> Combinations => ComposeFiles.Combinations;

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Should_build_every_service_of_the_catalog_from_its_host_as_an_image_named_after_it(string[] files)
    {
        var compose = await ComposeFiles.ConfigAsync(files);

        Assert.Equal(ServableServices.All.Select(service => service.Name).Order(StringComparer.Ordinal),
            compose.Built.Select(service => service.Name).Order(StringComparer.Ordinal));
        foreach (var service in compose.Built)
        {
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "services", service.HostProject!, $"{service.HostProject}.csproj")),
                $"{service.Name} is built from services/{service.HostProject}, which is not a project.");
            Assert.Matches($"^vrf/{service.Name}:latest(-cuda)?$", service.Image);
        }
    }

    [Fact]
    public async Task Should_offer_the_vrf_tool_on_the_bus_and_the_store_the_services_use_without_starting_it()
    {
        var compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main);
        var tool = compose.Services["vrf"];
        var service = compose.Services[ServiceNames.FailureIndex];

        Assert.Equal(["tools"], tool.Profiles);
        Assert.Equal("Vrf.Cli", tool.HostProject);
        var assembly = AssemblyName().Match(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "services", "Vrf.Cli", "Vrf.Cli.csproj"))).Groups["name"].Value;
        Assert.Equal(["dotnet", $"{assembly}.dll"], tool.Node.Items("entrypoint").Select(part => part.ToString()));
        var user = BrokerAddress.AssertSameBroker(service.Environment, tool.Environment[MessageBusOptions.AddressKey]);
        Assert.Equal(("operator", compose.Services[ComposeTopology.BrokerService].Environment["RABBITMQ_OPERATOR_PASSWORD"]), user);
        Assert.Equal(service.Environment[ModelStoreOptions.EnvironmentVariable], tool.Environment[ModelStoreOptions.EnvironmentVariable]);
        Assert.Equal(service.Volumes, tool.Volumes);
    }

    [Fact]
    public async Task Should_give_a_fine_tuning_job_time_to_hand_itself_back_before_docker_kills_the_container()
    {
        var fineTuning = (await ComposeFiles.ConfigAsync(ComposeFiles.Main)).Services[ServiceNames.FineTuning];

        var hostWaits = TimeSpan.FromSeconds(int.Parse(fineTuning.Environment[ServiceSurface.ShutdownTimeoutKey]));
        var dockerWaits = Duration(fineTuning.Node.Text("stop_grace_period")!);
        Assert.True(dockerWaits > hostWaits, $"docker kills it after {dockerWaits}, the host waits {hostWaits} for the job");
    }

    [Fact]
    public async Task Should_build_the_gpu_override_services_on_cuda_libtorch_run_them_on_cuda_and_reserve_a_gpu_for_each()
    {
        var plain = await ComposeFiles.ConfigAsync(ComposeFiles.Main);
        var gpu = await ComposeFiles.ConfigAsync(ComposeFiles.Main, ComposeFiles.Gpu);

        foreach (var name in new[] { ServiceNames.Embedding, ServiceNames.FineTuning })
        {
            var service = gpu.Services[name];
            var device = Assert.Single(service.Node.Items("deploy", "resources", "reservations", "devices"));
            Assert.Equal(("nvidia", "1", "gpu"), (device.Text("driver"), device.Text("count"), string.Join(',', device.Items("capabilities"))));
            Assert.Equal("cuda", service.Environment[$"{InferenceOptions.Section}__{nameof(InferenceOptions.Device)}"]);
            Assert.Matches("^libtorch-cuda-[0-9.]+-linux-x64$", service.BuildArguments["LIBTORCH_PACKAGE"]);
            Assert.Equal($"{plain.Services[name].Image}-cuda", service.Image);
        }
        Assert.All(gpu.Built.Where(service => service.Name is not (ServiceNames.Embedding or ServiceNames.FineTuning)),
            service => Assert.Equal(plain.Services[service.Name].Rendered(), service.Rendered()));
    }

    [Fact]
    public async Task Should_cluster_three_qdrant_nodes_and_keep_every_failure_set_on_two_of_them()
    {
        var compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main, ComposeFiles.QdrantCluster);
        var nodes = compose.Services.Values.Where(service => service.Image == compose.Services["qdrant"].Image).ToList();
        var failureIndex = compose.Services[ServiceNames.FailureIndex].Environment;

        Assert.Equal(3, nodes.Count);
        Assert.All(nodes, node => Assert.Equal("true", node.Environment["QDRANT__CLUSTER__ENABLED"]));
        Assert.Equal(3, nodes.Select(node => node.Environment["QDRANT_URI"]).Distinct().Count());
        var first = Assert.Single(nodes, node => !node.Environment.ContainsKey("QDRANT_BOOTSTRAP"));
        Assert.All(nodes.Where(node => node != first), node => Assert.Equal(first.Environment["QDRANT_URI"], node.Environment["QDRANT_BOOTSTRAP"]));
        Assert.All(nodes, node => Assert.Contains(new Uri(node.Environment["QDRANT_URI"]).Host, node.Names));
        Assert.Equal(3, nodes.Select(node => node.Volumes.Single(volume => volume.Target == "/qdrant/storage").Source).Distinct().Count());
        var qdrantHost = new Uri(failureIndex[QdrantIndexOptions.UrlEnvironmentVariable]).Host;
        Assert.All(nodes, node => Assert.Contains(qdrantHost, node.Names));

        var replicas = int.Parse(failureIndex["FailureIndex__Qdrant__ReplicationFactor"]);
        var writeConsistency = int.Parse(failureIndex["FailureIndex__Qdrant__WriteConsistencyFactor"]);
        Assert.True(replicas >= 2 && replicas <= nodes.Count, $"each shard on {replicas} of {nodes.Count} nodes");
        Assert.True(writeConsistency <= replicas - 1, $"a write waits for {writeConsistency} of {replicas} replicas: it must succeed with one node down");
        Assert.True(int.Parse(failureIndex["FailureIndex__Qdrant__ShardNumber"]) >= 1);
    }

    private static TimeSpan Duration(string compose)
    {
        var match = ComposeDuration().Match(compose);
        Assert.True(match.Success, $"'{compose}' is not a compose duration");
        int Part(string unit) => match.Groups[unit].Success ? int.Parse(match.Groups[unit].Value) : 0;
        return new TimeSpan(Part("h"), Part("m"), Part("s"));
    }

    [GeneratedRegex("<AssemblyName>(?<name>[^<]+)</AssemblyName>")]
    private static partial Regex AssemblyName();

    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex ComposeDuration();
}
