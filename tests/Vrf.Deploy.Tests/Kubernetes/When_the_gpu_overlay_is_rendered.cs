using Vrf.Cli.Commands.Serve;
using Vrf.Deploy.Tests.Support;
using Vrf.Serving.Inference;
using Vrf.Services;

namespace Vrf.Deploy.Tests.Kubernetes;

/// <summary>The GPU overlay puts the services compose's GPU override gives a GPU on GPU nodes, one GPU each, on CUDA,
/// and leaves the others as they are.</summary>
public sealed class When_the_gpu_overlay_is_rendered
{
    private const string InferenceDevice = $"{InferenceOptions.Section}__{nameof(InferenceOptions.Device)}";

    [Fact]
    public async Task Should_give_the_services_the_gpu_override_reserves_a_gpu_a_gpu_node_and_the_cuda_device()
    {
        var rendered = await Kustomizations.RenderAsync(Kustomizations.Gpu);
        var compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main, ComposeFiles.Gpu);
        var onGpu = compose.Built.Where(service => service.Node.Items("deploy", "resources", "reservations", "devices").Count > 0)
            .Select(service => service.Name)
            .ToHashSet();

        Assert.Equal([ServiceNames.Embedding, ServiceNames.FineTuning], onGpu.Order(StringComparer.Ordinal));
        foreach (var service in ServableServices.All)
        {
            var workload = rendered.Deployment(service.Name);
            var gpus = workload.Container.Text("resources", "limits", "nvidia.com/gpu");
            if (onGpu.Contains(service.Name))
            {
                Assert.Equal((service.Name, "1", "true", "cuda"),
                    (service.Name, gpus, workload.Pod.Text("nodeSelector", "nvidia.com/gpu.present"), workload.Environment[InferenceDevice]));
            }
            else
            {
                Assert.Equal((service.Name, null, null), (service.Name, gpus, workload.Pod.At("nodeSelector")?.ToString()));
            }
        }
    }
}
