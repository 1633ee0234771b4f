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
