using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Support;

/// <summary>
/// deploy/rabbitmq: the broker's users and their permissions (definitions.json, each password a <c>@@VARIABLE@@</c>)
/// and start.sh, which fills the passwords in from the environment when the broker starts.
/// </summary>
public static partial class BrokerDefinitions
{
    public const string Folder = "deploy/rabbitmq";

    /// <summary>The copy overlays/dev mounts into its RabbitMQ (kustomize reads only files below a kustomization).</summary>
    public const string KubernetesFolder = "deploy/k8s/overlays/dev/rabbitmq";

    public static string Template => File.ReadAllText(Path.Combine(RepositoryPaths.Root, Folder, "definitions.json"));

    /// <summary>Each user of the definitions and the variable its password comes from.</summary>
    public static IReadOnlyDictionary<string, string> PasswordVariables() =>
        JsonNode.Parse(Template)!["users"]!.AsArray().ToDictionary(
            user => (string)user!["name"]!,
            user => PasswordPlaceholder().Match((string)user!["password"]!).Groups["name"].Value);

    /// <summary>Runs start.sh without a command (it then only renders) and returns what it wrote, or its failure.</summary>
    public static async Task<(ExternalTool.Outcome Outcome, JsonObject? Definitions)> RenderAsync(IReadOnlyDictionary<string, string?> environment)
    {
        using var output = new TemporaryDirectory();
        var target = output.File("definitions.json");
        var variables = new Dictionary<string, string?>(environment) { ["VRF_DEFINITIONS"] = target };
        var outcome = await ExternalTool.TryRunAsync("sh", variables, Path.Combine(Folder, "start.sh"));
        return (outcome, File.Exists(target) ? JsonNode.Parse(File.ReadAllText(target))!.AsObject() : null);
    }

    /// <summary>The environment that gives every user its <see cref="DeploySecrets"/> password.</summary>
    public static Dictionary<string, string?> Passwords() =>
        PasswordVariables().Values.ToDictionary(variable => variable, variable => (string?)DeploySecrets.Value(variable));

    [GeneratedRegex("^@@(?<name>[A-Z_]+)@@$")]
    private static partial Regex PasswordPlaceholder();
}
