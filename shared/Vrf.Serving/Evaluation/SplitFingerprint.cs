using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vrf.Serving.Datasets;
using Vrf.Serving.Store;

namespace Vrf.Serving.Evaluation;

/// <summary>
/// What cached outputs depend on: the bundle (its name, version and creation time) and every image of the split (its
/// path within the folder, size and last write time). Any change to them gives another fingerprint.
/// </summary>
public static class SplitFingerprint
{
    public static string Of(ModelBundle bundle, ImageFolderDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(dataset);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{bundle.Id}\t{bundle.Manifest.CreatedAt.UtcTicks}\n");
        foreach (var sample in dataset.Samples)
        {
            var file = new FileInfo(sample.Path);
            text.Append(CultureInfo.InvariantCulture, $"{sample.Id}\t{sample.Label}\t{file.Length}\t{file.LastWriteTimeUtc.Ticks}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A short, file-name-safe key for a split folder: the start of its full path's SHA-256.</summary>
    public static string FolderKey(string folder) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..16];
}
