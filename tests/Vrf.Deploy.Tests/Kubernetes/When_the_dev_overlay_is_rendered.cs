using Vrf.Cli.Commands.Serve;
using Vrf.Deploy.Tests.Support;
using Vrf.Services;

namespace Vrf.Deploy.Tests.Kubernetes;

/// <summary>The dev overlay runs, in the cluster, what the services are pointed at: the broker, Qdrant and Jaeger, from
/// the images compose runs them from, under the names and ports the services' settings use.</summary>
public sealed class When_the_dev_overlay_is_rendered
{
    [Fact]
    public async Task Should_run_the_broker_qdrant_and_jaeger_the_services_connect_to_from_the_images_compose_runs()
    {
        var rendered = await Kustomizations.RenderAsync(Kustomizations.Dev);
        var compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main);
        var endpoints = ServableServices.All
            .SelectMany(service => Endpoints(rendered.Deployment(service.Name).Environment))
            .Distinct()
            .ToList();

        Assert.Equal(["jaeger", "qdrant", "rabbitmq"], endpoints.Select(endpoint => endpoint.Host).Distinct().Order(StringComparer.Ordinal));
        foreach (var (host, port) in endpoints)
        {
            var service = rendered.Find("Service", host);
            Assert.True(service is not null, $"No Service '{host}' for port {port}.");
            var servicePort = Assert.Single(service.Items("spec", "ports"), candidate => candidate.Text("port") == port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var workload = Assert.Single(rendered.Selecting(service.Entries("spec", "selector")));
            Assert.Equal(port, workload.Port(servicePort.Text("targetPort")!));
            Assert.Equal(compose.Services[host].Image, workload.Image);
        }
    }

    /// <summary>The hosts and ports a service's settings point it at: the broker, the OTLP endpoint, Qdrant.</summary>
    private static IEnumerable<(string Host, int Port)> Endpoints(IReadOnlyDictionary<string, string> environment)
    {
        yield return (environment["Bus__Host"], int.Parse(environment["Bus__Port"]));
        foreach (var key in new[] { Vrf.ServiceDefaults.OpenTelemetryExtensions.OtlpEndpointKey, Vrf.Serving.Failures.QdrantIndexOptions.UrlEnvironmentVariable })
        {
            if (environment.TryGetValue(key, out var url))
            {
                var uri = new Uri(url);
                yield return (uri.Host, uri.Port);
            }
        }
    }
}
