using Vrf.Cli.Commands.Serve;
using Vrf.Deploy.Tests.Support;
using Vrf.Gateway;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Kubernetes;

/// <summary>
/// The manifests hold no credential: each comes from a secrets/*.env file the user fills in from its example, and a
/// kustomization does not render until they are there. Every service reads the broker as its own user, the gateway its
/// keys, the failure index Qdrant's key; overlays/dev runs RabbitMQ with the users of deploy/rabbitmq and Qdrant with
/// the key.
/// </summary>
public sealed class When_the_kustomizations_are_given_their_credentials
{
    public static TheoryData<string> Kustomizations => Support.Kustomizations.Applicable;

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_not_render_until_the_credentials_are_filled_in_and_name_the_missing_file(string kustomization)
    {
        var outcome = await Support.Kustomizations.TryRenderAsync(kustomization, fillSecrets: false);

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Matches(@"secrets/[a-z-]+\.env", outcome.Error);
    }

    [Fact]
    public void Should_commit_no_secret_values_only_examples()
    {
        var manifests = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, Support.Kustomizations.Root), "*.yaml", SearchOption.AllDirectories);

        Assert.All(manifests, manifest => Assert.DoesNotContain("kind: Secret", File.ReadAllText(manifest)));
        Assert.All(manifests, manifest => Assert.DoesNotContain("guest", File.ReadAllText(manifest), StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, Support.Kustomizations.Base, "secrets"), "*.env.example"));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Should_connect_each_service_to_the_broker_as_its_own_user(string kustomization)
    {
        var rendered = await Support.Kustomizations.RenderAsync(kustomization);

        foreach (var service in ServableServices.All)
        {
            var environment = rendered.Deployment(service.Name).Environment;
            Assert.Equal(service.Name, environment["Bus__Username"]);
            Assert.Equal(BrokerUsers.PasswordOf(service.Name), environment["Bus__Password"]);
        }
        Assert.Equal(DeploySecrets.Value("GATEWAY_OPERATOR_KEY_SHA256"), rendered.Deployment(GatewayService.Name).Environment["Gateway__ApiKeys__0__Sha256"]);
    }

    [Fact]
    public async Task Should_run_the_dev_brokers_users_and_qdrants_key()
    {
        var rendered = await Support.Kustomizations.RenderAsync(Support.Kustomizations.Dev);

        var rabbitmq = Assert.Single(rendered.Selecting(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "rabbitmq" }));
        Assert.Equal(["sh", "/etc/vrf/rabbitmq/start.sh", "docker-entrypoint.sh", "rabbitmq-server"], rabbitmq.Container.Items("command").Select(part => part.ToString()));
        var passwords = rendered.Data("Secret", rabbitmq.Container.Items("envFrom").Single().Text("secretRef", "name")!);
        Assert.All(BrokerDefinitions.PasswordVariables().Values, variable => Assert.Equal(DeploySecrets.Value(variable), passwords[variable]));
        var definitions = rendered.Data("ConfigMap", rabbitmq.Pod.Items("volumes").Single().Text("configMap", "name")!);
        Assert.Equal(BrokerDefinitions.Template, definitions["definitions.json"]);
        var qdrant = Assert.Single(rendered.Selecting(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "qdrant" }));
        Assert.Equal(rendered.Deployment("failure-index").Environment["FailureIndex__Qdrant__ApiKey"], qdrant.Environment["QDRANT__SERVICE__API_KEY"]);
    }
}
