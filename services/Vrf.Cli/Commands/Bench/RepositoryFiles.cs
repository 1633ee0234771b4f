namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Finds a file or folder of this repository (the PyTorch peer script, the test fixture) above the working directory,
/// then above the tool's own folder (<c>./vrf</c> builds into <c>.vrf/cli</c> inside the repository).
/// </summary>
public static class RepositoryFiles
{
    public static string? Find(string relativePath)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
