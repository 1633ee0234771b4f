using Vrf.Testing;

namespace Vrf.Deploy.Tests.Support;

/// <summary>
/// Every kustomization under deploy/k8s that a user applies (a <c>Component</c> is applied only through one), rendered
/// offline by <c>kubectl kustomize</c>.
/// </summary>
public static class Kustomizations
{
    public const string Root = "deploy/k8s";
    public const string Base = "deploy/k8s/base";
    public const string Dev = "deploy/k8s/overlays/dev";
    public const string Gpu = "deploy/k8s/overlays/gpu";

    /// <summary>Folders (relative to the repository) holding a kustomization.yaml of kind Kustomization.</summary>
    public static TheoryData<string> Applicable { get; } = new(
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, Root), "kustomization.yaml", SearchOption.AllDirectories)
            .Where(file => YamlNodes.Documents(File.ReadAllText(file)).Single().Text("kind") == "Kustomization")
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(file)!))
            .Order(StringComparer.Ordinal));

    /// <summary>Renders a kustomization; skips the test when kubectl is not installed.</summary>
    public static async Task<RenderedManifests> RenderAsync(string folder)
    {
        if (!ExternalTool.IsInstalled("kubectl"))
        {
            Assert.Skip("kubectl is not installed (scripts/install-prerequisites.sh installs Debian's kubernetes-client).");
        }
        return new RenderedManifests(await ExternalTool.RunAsync("kubectl", null, "kustomize", folder));
    }
}
