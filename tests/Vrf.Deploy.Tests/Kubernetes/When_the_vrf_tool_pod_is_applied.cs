using Vrf.ServiceDefaults;
using Vrf.Deploy.Tests.Support;
using Vrf.Serving.Store;
using Vrf.Services;

using Vrf.Testing;

namespace Vrf.Deploy.Tests.Kubernetes;

/// <summary>deploy/k8s/tools/vrf.yaml, applied beside an overlay, runs the tool compose builds on the services' bus and
/// store, and mounts the training data where the services read it.</summary>
public sealed class When_the_vrf_tool_pod_is_applied
{
    private const string Manifest = "deploy/k8s/tools/vrf.yaml";

    [Fact]
    public async Task Should_run_the_compose_tool_image_on_the_services_bus_and_store_as_a_non_root_user()
    {
        var rendered = await Kustomizations.RenderAsync(Kustomizations.Dev);
        var compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main);
        var tool = new Workload(YamlNodes.Documents(File.ReadAllText(Path.Combine(RepositoryPaths.Root, Manifest))).Single(), rendered);
        var service = rendered.Deployment(ServiceNames.FineTuning);

        Assert.Equal(compose.Services["vrf"].Image, tool.Image);
        BrokerAddress.AssertSameBroker(service.Environment, tool.Environment[MessageBusOptions.AddressKey]);
        Assert.Equal(service.Environment[ModelStoreOptions.EnvironmentVariable], tool.Environment[ModelStoreOptions.EnvironmentVariable]);
        foreach (var claim in new[] { "vrf-model-store", "vrf-training-data" })
        {
            Assert.Equal(service.Mount(claim)!.Value.Path, tool.Mount(claim)!.Value.Path);
            Assert.False(tool.Mount(claim)!.Value.ReadOnlyMount);
        }
        Assert.Equal(("true", "1654"), (tool.Pod.Text("securityContext", "runAsNonRoot"), tool.Pod.Text("securityContext", "runAsUser")));
        Assert.Equal(service.Pod.Text("securityContext", "runAsUser"), tool.Pod.Text("securityContext", "runAsUser"));
    }
}
