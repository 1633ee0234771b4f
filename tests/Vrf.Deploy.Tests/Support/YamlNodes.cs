using YamlDotNet.RepresentationModel;

namespace Vrf.Deploy.Tests.Support;

/// <summary>Reading rendered YAML: a missing key is null, so a test states what it expects instead of catching.</summary>
public static class YamlNodes
{
    /// <summary>Every document of a YAML stream (kubectl kustomize prints several, separated by <c>---</c>).</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>()];
    }

    /// <summary>The node at <paramref name="path"/> of mapping keys, or null where one is missing.</summary>
    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }
        return node;
    }

    /// <summary>The scalar at <paramref name="path"/>, or null.</summary>
    public static string? Text(this YamlNode? node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    /// <summary>The items of the sequence at <paramref name="path"/> (none when it is missing).</summary>
    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    /// <summary>The scalar entries of the mapping at <paramref name="path"/> (none when it is missing).</summary>
    public static IReadOnlyDictionary<string, string> Entries(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlMappingNode mapping
            ? mapping.Children.Where(entry => entry.Value is YamlScalarNode)
                .ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => ((YamlScalarNode)entry.Value).Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();
}
