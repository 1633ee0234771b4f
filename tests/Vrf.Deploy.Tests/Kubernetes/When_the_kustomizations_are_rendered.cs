using Vrf.Gateway;
using Vrf.Cli.Commands.Serve;
using Vrf.Deploy.Tests.Support;
using Vrf.ServiceDefaults;
using Vrf.Services;

namespace Vrf.Deploy.Tests.Kubernetes;

/// <summary>
/// Every kustomization under deploy/k8s renders, and what it renders runs the services as their code and the compose
/// file expect: the images compose builds, every setting compose gives them and none they do not read, probes on
/// their health endpoints, KEDA on the queues their consumers declare, the model store shared and non-root pods.
/// </summary>
public sealed class When_the_kustomizations_are_rendered
{
    public static TheoryData<string> Kustomizations => Support.Kustomizations.Applicable;

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_run_every_service_of_the_catalog_from_the_image_compose_builds_for_it(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);
        var compose = await ComposeFor(kustomization);

        foreach (var service in ServableServices.All)
        {
            var built = Assert.Single(compose.Built, candidate => candidate.Name == service.Name);
            Assert.Equal(built.Image, rendered.Deployment(service.Name).Image);
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_give_each_service_the_settings_compose_gives_it_and_only_settings_it_reads(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);
        var compose = await ComposeFor(kustomization);

        foreach (var service in ServableServices.All.Select(ServiceSurface.Of))
        {
            var environment = rendered.Deployment(service.Name).Environment;
            foreach (var (key, value) in compose.Services[service.Name].Environment)
            {
                Assert.True(environment.TryGetValue(key, out var set) && set == value,
                    $"{kustomization}: {service.Name} gets {key}={value} from compose but {(set is null ? "no value" : $"'{set}'")} here.");
            }
            var unread = environment.Keys.Where(key => !service.Reads(key)).ToList();
            Assert.True(unread.Count == 0, $"{kustomization}: {service.Name} does not read {string.Join(", ", unread)}.");
            service.Validate(environment);
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_probe_each_service_on_its_health_endpoints_at_the_port_its_host_listens_on(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);

        foreach (var service in ServableServices.All)
        {
            var workload = rendered.Deployment(service.Name);
            foreach (var (probe, path) in new[] { ("startupProbe", HealthCheckExtensions.LivePath), ("livenessProbe", HealthCheckExtensions.LivePath),
                         ("readinessProbe", HealthCheckExtensions.ReadyPath) })
            {
                Assert.Equal((service.Name, probe, path), (service.Name, probe, workload.Container.Text(probe, "httpGet", "path")));
                Assert.Equal(ServiceImage.HttpPort, workload.Port(workload.Container.Text(probe, "httpGet", "port")!));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_ask_prometheus_to_scrape_each_service_pod_at_its_metrics_endpoint_on_the_port_its_host_listens_on(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);

        foreach (var service in ServableServices.All)
        {
            var annotations = rendered.Deployment(service.Name).Resource.Entries("spec", "template", "metadata", "annotations");
            Assert.Equal((service.Name, "true", OpenTelemetryExtensions.MetricsPath),
                (service.Name, annotations.GetValueOrDefault("prometheus.io/scrape"), annotations.GetValueOrDefault("prometheus.io/path")));
            Assert.True(annotations.TryGetValue("prometheus.io/port", out var port), $"{kustomization}: {service.Name} names no port to scrape");
            Assert.Equal((service.Name, ServiceImage.HttpPort), (service.Name, int.Parse(port)));
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_scale_each_worker_on_the_queues_its_consumers_share_with_keda(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);

        // The monitor's queue has a single active consumer: more replicas would be standbys, not throughput.
        var surfaces = ServableServices.All.Select(ServiceSurface.Of).ToList();
        foreach (var stage in new[] { ServiceNames.Embedding, ServiceNames.FailureIndex, ServiceNames.Scorer })
        {
            Assert.Contains(stage, surfaces.Single(service => service.Name == stage).WorkQueues);
        }
        foreach (var service in surfaces.Where(service => service.WorkQueues.Count > 0 && service.Name != ServiceNames.Monitor))
        {
            var scaled = Assert.Single(rendered.OfKind("ScaledObject"), scaled => scaled.Text("spec", "scaleTargetRef", "name") == service.Name);
            var triggers = scaled.Items("spec", "triggers");
            Assert.All(triggers, trigger => Assert.Equal(("rabbitmq", "QueueLength"), (trigger.Text("type"), trigger.Text("metadata", "mode"))));
            Assert.Equal(service.WorkQueues, triggers.Select(trigger => trigger.Text("metadata", "queueName")!).Order(StringComparer.Ordinal));
            var (minimum, maximum) = (int.Parse(scaled.Text("spec", "minReplicaCount")!), int.Parse(scaled.Text("spec", "maxReplicaCount")!));
            Assert.True(minimum >= 1 && maximum > minimum, $"{service.Name}: {minimum} to {maximum} replicas");
            var environment = rendered.Deployment(service.Name).Environment;
            Assert.All(triggers, trigger => AssertReadsTheServicesBroker(rendered, trigger, environment));
        }
        foreach (var (worker, queue) in new[] { (ServiceNames.Embedding, ServiceNames.Embedding), (ServiceNames.Scorer, ServiceNames.Scorer) })
        {
            var scaled = Assert.Single(rendered.OfKind("ScaledObject"), scaled => scaled.Text("spec", "scaleTargetRef", "name") == worker);
            Assert.Equal(queue, Assert.Single(scaled.Items("spec", "triggers")).Text("metadata", "queueName"));
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_keep_a_replica_of_each_scaled_worker_and_of_the_gateway_through_a_voluntary_disruption(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);

        foreach (var name in new[] { ServiceNames.Embedding, ServiceNames.Scorer, ServiceNames.FailureIndex, ServiceNames.Monitor, GatewayService.Name })
        {
            var budget = Assert.Single(rendered.OfKind("PodDisruptionBudget"), budget =>
                rendered.Selecting(budget.Entries("spec", "selector", "matchLabels")).Select(workload => workload.Name).SequenceEqual([name]));
            Assert.Equal("1", budget.Text("spec", "maxUnavailable"));
            var minimum = rendered.OfKind("ScaledObject").SingleOrDefault(scaled => scaled.Text("spec", "scaleTargetRef", "name") == name)?.Text("spec", "minReplicaCount")
                ?? rendered.Deployment(name).Resource.Text("spec", "replicas");
            Assert.True(int.Parse(minimum!) >= (name == ServiceNames.FailureIndex ? 1 : 2), $"{name} runs at least {minimum} replica(s)");
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_run_the_monitor_as_a_fixed_active_and_standby_pair_without_keda(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);

        Assert.DoesNotContain(rendered.OfKind("ScaledObject"), scaled => scaled.Text("spec", "scaleTargetRef", "name") == ServiceNames.Monitor);
        Assert.Equal("2", rendered.Deployment(ServiceNames.Monitor).Resource.Text("spec", "replicas"));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_mount_the_volumes_compose_mounts_the_model_store_shared_read_write_and_read_only_in_the_gateway(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);
        var compose = await ComposeFor(kustomization);

        foreach (var service in compose.Built)
        {
            var workload = rendered.Deployment(service.Name);
            foreach (var volume in service.Volumes)
            {
                var claim = rendered.Find("PersistentVolumeClaim", $"vrf-{volume.Source}");
                Assert.True(claim is not null, $"{kustomization}: no claim vrf-{volume.Source} for {service.Name}'s {volume.Target}");
                Assert.Equal(["ReadWriteMany"], claim.Items("spec", "accessModes").Select(mode => mode.ToString()));
                var mount = workload.Mount($"vrf-{volume.Source}");
                Assert.True(mount is not null, $"{kustomization}: {service.Name} does not mount vrf-{volume.Source}");
                Assert.Equal((service.Name, volume.Target, volume.ReadOnly, volume.ReadOnly),
                    (service.Name, mount.Value.Path, mount.Value.ReadOnlyMount, mount.Value.ReadOnlyClaim));
            }
        }
        Assert.All(compose.Services[GatewayService.Name].Volumes, volume => Assert.True(volume.ReadOnly));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_run_each_service_as_a_non_root_user_without_privileges_on_a_read_only_root_and_with_its_memory_bounded(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);

        foreach (var service in ServableServices.All)
        {
            var workload = rendered.Deployment(service.Name);
            Assert.Equal("true", workload.Pod.Text("securityContext", "runAsNonRoot"));
            Assert.NotEqual("0", workload.Pod.Text("securityContext", "runAsUser"));
            Assert.Equal("RuntimeDefault", workload.Pod.Text("securityContext", "seccompProfile", "type"));
            Assert.Equal("false", workload.Container.Text("securityContext", "allowPrivilegeEscalation"));
            Assert.Equal("true", workload.Container.Text("securityContext", "readOnlyRootFilesystem"));
            var scratch = Assert.Single(workload.Container.Items("volumeMounts"), mount => mount.Text("mountPath") == "/tmp").Text("name");
            Assert.Single(workload.Pod.Items("volumes"), volume => volume.Text("name") == scratch && volume.At("emptyDir") is not null);
            Assert.Equal(["ALL"], workload.Container.Items("securityContext", "capabilities", "drop").Select(capability => capability.ToString()));
            Assert.NotNull(workload.Container.Text("resources", "requests", "memory"));
            Assert.Equal(workload.Container.Text("resources", "requests", "memory"), workload.Container.Text("resources", "limits", "memory"));
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_give_a_fine_tuning_job_time_to_hand_itself_back_before_its_pod_is_killed(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);

        var fineTuning = rendered.Deployment(ServiceNames.FineTuning);
        var hostWaits = int.Parse(fineTuning.Environment[ServiceSurface.ShutdownTimeoutKey]);
        var kubernetesWaits = int.Parse(fineTuning.Pod.Text("terminationGracePeriodSeconds")!);
        Assert.True(kubernetesWaits > hostWaits, $"the pod is killed after {kubernetesWaits} s, the host waits {hostWaits} s for the job");
    }

    private static void AssertReadsTheServicesBroker(RenderedManifests rendered, YamlDotNet.RepresentationModel.YamlNode trigger,
        IReadOnlyDictionary<string, string> environment)
    {
        var authentication = rendered.Find("TriggerAuthentication", trigger.Text("authenticationRef", "name")!);
        var host = Assert.Single(authentication.Items("spec", "secretTargetRef"), reference => reference.Text("parameter") == "host");
        var (user, _) = BrokerAddress.AssertSameBroker(environment, rendered.Data("Secret", host.Text("name")!)[host.Text("key")!]);
        Assert.Equal("keda", user);
    }

    /// <summary>The compose files a kustomization stands for: the GPU overlay the GPU override, the others the plain file.</summary>
    private static Task<ComposeProject> ComposeFor(string kustomization) =>
        kustomization == Support.Kustomizations.Gpu
            ? ComposeFiles.ConfigAsync(ComposeFiles.Main, ComposeFiles.Gpu)
            : ComposeFiles.ConfigAsync(ComposeFiles.Main);
}
