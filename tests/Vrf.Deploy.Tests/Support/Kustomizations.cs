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

    /// <summary>
    /// Renders a kustomization as a user does once the credentials are in place: from a copy of deploy/k8s in which
    /// each <c>secrets/*.env.example</c> is filled in (<see cref="DeploySecrets"/>) as <c>secrets/*.env</c>. Skips the
    /// test when kubectl is not installed.
    /// </summary>
    public static async Task<RenderedManifests> RenderAsync(string folder)
    {
        var outcome = await TryRenderAsync(folder, fillSecrets: true);
        return outcome.ExitCode == 0
            ? new RenderedManifests(outcome.Output)
            : throw new InvalidOperationException($"kubectl kustomize {folder} failed ({outcome.ExitCode}):\n{outcome.Error}");
    }

    /// <summary>Renders a kustomization from a copy of deploy/k8s (without any <c>*.env</c> of this checkout), with its
    /// secrets filled in or, when <paramref name="fillSecrets"/> is false, left as a fresh checkout has them.</summary>
    public static async Task<ExternalTool.Outcome> TryRenderAsync(string folder, bool fillSecrets)
    {
        if (!ExternalTool.IsInstalled("kubectl"))
        {
            Assert.Skip("kubectl is not installed (scripts/install-prerequisites.sh installs Debian's kubernetes-client).");
        }
        using var copy = new TemporaryDirectory();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, Root), "*", SearchOption.AllDirectories)
                     .Where(file => Path.GetExtension(file) != ".env"))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(RepositoryPaths.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (fillSecrets && file.EndsWith(".env.example", StringComparison.Ordinal))
            {
                File.WriteAllText(target[..^".example".Length], DeploySecrets.Fill(File.ReadAllText(file)));
            }
        }
        return await ExternalTool.TryRunAsync("kubectl", null, "kustomize", Path.Combine(copy.Path, folder));
    }
}
