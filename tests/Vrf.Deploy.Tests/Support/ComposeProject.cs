using YamlDotNet.RepresentationModel;

namespace Vrf.Deploy.Tests.Support;

/// <summary>A rendered compose project (<c>docker-compose config</c>): its services by name.</summary>
public sealed class ComposeProject
{
    public ComposeProject(string rendered)
    {
        Rendered = rendered;
        Root = YamlNodes.Documents(rendered).Single();
        Services = Root.At("services") is YamlMappingNode services
            ? services.Children.ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => new ComposeService(((YamlScalarNode)entry.Key).Value!, (YamlMappingNode)entry.Value))
            : [];
    }

    public string Rendered { get; }

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    /// <summary>The services `up` starts from images built by deploy/Dockerfile: one per service host.</summary>
    public IEnumerable<ComposeService> Built => Services.Values.Where(service => service.HostProject is not null && service.Profiles.Count == 0);
}
