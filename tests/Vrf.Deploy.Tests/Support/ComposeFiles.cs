using System.Text.RegularExpressions;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Support;

/// <summary>
/// The compose file and its overrides, rendered by Debian's <c>docker-compose</c> 1.29.2 <c>config</c>, which
/// validates them and resolves every <c>${VARIABLE:-default}</c>, anchor and merge. Variables of this machine's
/// environment that the files name are left out, so the defaults a user gets are what is checked; the credentials
/// a user must set (<c>${VARIABLE:?message}</c>, which have no default) get the values of <see cref="DeploySecrets"/>.
/// </summary>
public static partial class ComposeFiles
{
    public const string Main = "docker-compose.yml";
    public const string Gpu = "deploy/docker-compose.gpu.yml";
    public const string QdrantCluster = "deploy/docker-compose.qdrant-cluster.yml";
    public const string DebugPorts = "deploy/docker-compose.debug-ports.yml";

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
        var outcome = await TryConfigAsync(files, []);
        return outcome.ExitCode == 0
            ? new ComposeProject(outcome.Output)
            : throw new InvalidOperationException($"docker-compose config of {string.Join(", ", files)} failed ({outcome.ExitCode}):\n{outcome.Error}");
    }

    /// <summary>Runs <c>config</c> on the files with the variables <paramref name="unset"/> names left unset.</summary>
    public static Task<ExternalTool.Outcome> TryConfigAsync(IReadOnlyList<string> files, IReadOnlyCollection<string> unset)
    {
        if (!ExternalTool.IsInstalled("docker-compose"))
        {
            Assert.Skip("docker-compose is not installed (scripts/install-prerequisites.sh installs Debian's docker-compose 1.29.2).");
        }
        var environment = Variables(files)
            .ToDictionary(variable => variable.Name, variable => variable.Required && !unset.Contains(variable.Name) ? DeploySecrets.Value(variable.Name) : null);
        var arguments = files.SelectMany(file => new[] { "-f", file }).Append("config").ToArray();
        return ExternalTool.TryRunAsync("docker-compose", environment, arguments);
    }

    /// <summary>Every variable the files name, and whether it must be set (<c>${NAME:?message}</c>).</summary>
    public static IReadOnlyList<(string Name, bool Required)> Variables(IReadOnlyList<string> files) =>
        [.. files
            .SelectMany(file => Variable().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file))))
            .GroupBy(match => match.Groups["name"].Value, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Any(match => match.Groups["required"].Success)))];

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<required>:\?)?")]
    private static partial Regex Variable();
}
