using System.Text.RegularExpressions;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Support;

/// <summary>
/// The compose file and its overrides, rendered by Debian's <c>docker-compose</c> 1.29.2 <c>config</c>, which
/// validates them and resolves every <c>${VARIABLE:-default}</c>, anchor and merge. Variables of this machine's
/// environment that the files name are left out, so the defaults a user gets are what is checked.
/// </summary>
public static partial class ComposeFiles
{
    public const string Main = "docker-compose.yml";
    public const string Gpu = "deploy/docker-compose.gpu.yml";
    public const string QdrantCluster = "deploy/docker-compose.qdrant-cluster.yml";

    /// <summary>Every combination a user is told to run: the file alone and with each override.</summary>
    public static TheoryData<string[]> Combinations { get; } = new()
    {
        new[] { Main },
        new[] { Main, Gpu },
        new[] { Main, QdrantCluster },
        new[] { Main, Gpu, QdrantCluster },
    };

    /// <summary>Renders the files, merged in order; skips the test when docker-compose is not installed.</summary>
    public static async Task<ComposeProject> ConfigAsync(params string[] files)
    {
        if (!ExternalTool.IsInstalled("docker-compose"))
        {
            Assert.Skip("docker-compose is not installed (scripts/install-prerequisites.sh installs Debian's docker-compose 1.29.2).");
        }
        var environment = files
            .SelectMany(file => Variable().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file))).Select(match => match.Groups["name"].Value))
            .Distinct()
            .ToDictionary(name => name, _ => (string?)null);
        var arguments = files.SelectMany(file => new[] { "-f", file }).Append("config").ToArray();
        return new ComposeProject(await ExternalTool.RunAsync("docker-compose", environment, arguments));
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
