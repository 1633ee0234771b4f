using YamlDotNet.RepresentationModel;

namespace Vrf.Deploy.Tests.Support;

/// <summary>One service of a rendered compose project.</summary>
public sealed record ComposeService(string Name, YamlMappingNode Node)
{
    public string? Image => Node.Text("image");

    /// <summary>The service host the image is built from (the <c>SERVICE</c> build argument), or null for an image
    /// pulled as it is.</summary>
    public string? HostProject => Node.Text("build", "args", "SERVICE");

    public IReadOnlyDictionary<string, string> BuildArguments => Node.Entries("build", "args");

    /// <summary>The profiles it belongs to; `up` without <c>--profile</c> starts only services that have none.</summary>
    public IReadOnlyList<string> Profiles => [.. Node.Items("profiles").Select(profile => profile.ToString())];

    public IReadOnlyDictionary<string, string> Environment => Node.Entries("environment");

    /// <summary>The names it answers to on the compose network: its service name and its aliases.</summary>
    public IReadOnlyList<string> Names =>
        [Name, .. ((Node.At("networks") as YamlMappingNode)?.Children.Values ?? []).SelectMany(network => network.Items("aliases")).Select(alias => alias.ToString())];

    /// <summary>Its rendered definition, for comparing services whole.</summary>
    public string Rendered()
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(Node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>The ports it publishes on the host.</summary>
    public IReadOnlyList<ComposePort> Ports => [.. Node.Items("ports").Select(ComposePort.Of)];

    /// <summary>Its volumes as <c>source:target[:mode]</c>.</summary>
    public IReadOnlyList<ComposeVolume> Volumes =>
        [.. Node.Items("volumes").OfType<YamlScalarNode>().Select(volume => ComposeVolume.Parse(volume.Value!))];
}

/// <summary>A volume mount of a compose service.</summary>
public sealed record ComposeVolume(string Source, string Target, bool ReadOnly)
{
    public static ComposeVolume Parse(string text)
    {
        var parts = text.Split(':');
        return new ComposeVolume(parts[0], parts[1], parts.Length > 2 && parts[2] == "ro");
    }
}

/// <summary>A port a compose service publishes: on which host address (null: every interface), and which.</summary>
public sealed record ComposePort(string? HostIp, string Published, string Target)
{
    /// <summary>Reads a port as <c>docker-compose config</c> writes it: a mapping (<c>published</c>, <c>target</c>,
    /// <c>host_ip</c>) or text (<c>[host_ip:]published:target[/protocol]</c>).</summary>
    public static ComposePort Of(YamlNode node)
    {
        if (node is YamlMappingNode)
        {
            return new ComposePort(node.Text("host_ip"), node.Text("published")!, node.Text("target")!);
        }
        var parts = ((YamlScalarNode)node).Value!.Split('/')[0].Split(':');
        return parts.Length == 3 ? new ComposePort(parts[0], parts[1], parts[2]) : new ComposePort(null, parts[0], parts[^1]);
    }

    public bool IsLoopbackOnly => HostIp is not null && System.Net.IPAddress.TryParse(HostIp, out var address) && System.Net.IPAddress.IsLoopback(address);
}
