using YamlDotNet.RepresentationModel;

namespace Vrf.Deploy.Tests.Support;

/// <summary>The resources a kustomization renders to.</summary>
public sealed class RenderedManifests(string rendered)
{
    public IReadOnlyList<YamlMappingNode> Resources { get; } = YamlNodes.Documents(rendered);

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Resources.Where(resource => resource.Text("kind") == kind);

    public YamlMappingNode? Find(string kind, string name) => OfKind(kind).SingleOrDefault(resource => resource.Text("metadata", "name") == name);

    /// <summary>The Deployment of that name, which must be there.</summary>
    public Workload Deployment(string name) =>
        new(Find("Deployment", name) ?? throw new InvalidOperationException($"No Deployment '{name}' is rendered."), this);

    /// <summary>The workloads (Deployments and StatefulSets) whose pods carry all of <paramref name="labels"/>.</summary>
    public IEnumerable<Workload> Selecting(IReadOnlyDictionary<string, string> labels) =>
        Resources.Where(resource => resource.Text("kind") is "Deployment" or "StatefulSet")
            .Select(resource => new Workload(resource, this))
            .Where(workload => labels.All(label => workload.PodLabels.TryGetValue(label.Key, out var value) && value == label.Value));

    /// <summary>A ConfigMap's data or a Secret's (string data as it is, data decoded), which must be there.</summary>
    public IReadOnlyDictionary<string, string> Data(string kind, string name)
    {
        var resource = Find(kind, name) ?? throw new InvalidOperationException($"No {kind} '{name}' is rendered.");
        var data = resource.Entries("stringData").ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        foreach (var (key, value) in resource.Entries("data"))
        {
            data[key] = kind == "Secret" ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value)) : value;
        }
        return data;
    }
}
