using System.Security.Cryptography;

namespace Vrf.Serving.Store;

/// <summary>
/// The SHA-256 of a bundle's files, as its manifest records them (<see cref="ModelManifest.FileSha256"/>: hex digests by
/// path relative to the version folder, '/'-separated): written by <see cref="BundleWriter"/> with the version, the
/// failure set's added when it is built, and checked by whatever loads a part, which refuses a part whose files differ.
/// </summary>
public static class BundleFileHashes
{
    /// <summary>The digest of every file under <paramref name="versionFolder"/> except the manifest.</summary>
    public static Dictionary<string, string> Of(string versionFolder) =>
        Directory.EnumerateFiles(versionFolder, "*", SearchOption.AllDirectories)
            .Select(file => RelativeName(versionFolder, file))
            .Where(name => name != ModelStore.ManifestFileName)
            .Order(StringComparer.Ordinal)
            .ToDictionary(name => name, name => OfFile(Path.Combine(versionFolder, name)), StringComparer.Ordinal);

    /// <summary>The hex SHA-256 of one file.</summary>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Checks the files of <paramref name="parts"/> (files or folders of the bundle, as <see cref="BundleFiles"/> names
    /// them) against the manifest: each recorded file is there with its digest, and no file is there that is not
    /// recorded.
    /// </summary>
    /// <returns>True when the files were checked; false for a bundle written before digests were recorded, which
    /// cannot be checked (the caller says so).</returns>
    /// <exception cref="BundleTamperedException">A file differs, is missing, or is not recorded.</exception>
    public static bool Verify(ModelBundle bundle, params IEnumerable<string> parts)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.Manifest.FileSha256 is not { } recorded)
        {
            return false;
        }
        foreach (var part in parts)
        {
            var expected = recorded.Where(entry => IsIn(entry.Key, part)).ToList();
            var path = Path.Combine(bundle.Folder, part);
            var present = Directory.Exists(path)
                ? [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Select(file => RelativeName(bundle.Folder, file))]
                : File.Exists(path) ? [part] : new List<string>();
            if (present.FirstOrDefault(name => !recorded.ContainsKey(name)) is { } added)
            {
                throw Tampered(bundle, $"holds the file '{added}', which its manifest does not record");
            }
            foreach (var (name, digest) in expected)
            {
                var file = Path.Combine(bundle.Folder, name);
                if (!File.Exists(file))
                {
                    throw Tampered(bundle, $"has lost its file '{name}'");
                }
                if (!string.Equals(OfFile(file), digest, StringComparison.OrdinalIgnoreCase))
                {
                    throw Tampered(bundle, $"has a file '{name}' whose SHA-256 is not the one its manifest records");
                }
            }
        }
        return true;
    }

    private static bool IsIn(string name, string part) =>
        name == part || name.StartsWith($"{part.TrimEnd('/')}/", StringComparison.Ordinal);

    private static string RelativeName(string folder, string file) =>
        Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');

    private static BundleTamperedException Tampered(ModelBundle bundle, string problem) =>
        new($"Model {bundle.Id} is refused: its bundle {problem}, so it changed after it was written. Import or train the version again.");
}
