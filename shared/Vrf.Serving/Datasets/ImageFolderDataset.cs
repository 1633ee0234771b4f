namespace Vrf.Serving.Datasets;

/// <summary>
/// A labelled image folder in the ImageFolder convention: one sub-folder per class, named as in the classes file.
/// Samples come in a fixed order (classes in classes-file order, files in ordinal name order within a class), so
/// features computed over it line up run after run. Image files are those with a
/// <see cref="ImageExtensions">known image extension</see>; hidden files and other files are not samples.
/// </summary>
public sealed class ImageFolderDataset
{
    /// <summary>The extensions of the formats the decoder reads (matched case-insensitively).</summary>
    public static IReadOnlyList<string> ImageExtensions { get; } = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];

    private ImageFolderDataset(string folder, IReadOnlyList<string> classNames, IReadOnlyList<int> presentClasses, IReadOnlyList<ImageSample> samples)
    {
        Folder = folder;
        ClassNames = classNames;
        PresentClasses = presentClasses;
        Samples = samples;
    }

    /// <summary>The dataset's full path.</summary>
    public string Folder { get; }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The classes (indices into <see cref="ClassNames"/>) that have a folder: all of them unless the dataset
    /// was opened with <see cref="OpenSubset"/>.</summary>
    public IReadOnlyList<int> PresentClasses { get; }

    /// <summary>Whether some of the classes have no folder (see <see cref="OpenSubset"/>).</summary>
    public bool IsSubset => PresentClasses.Count < ClassNames.Count;

    public IReadOnlyList<ImageSample> Samples { get; }

    public int Count => Samples.Count;

    /// <exception cref="DatasetException">
    /// The folder does not exist, lacks a class folder, has a folder that is not a class, or holds no image.
    /// </exception>
    public static ImageFolderDataset Open(string folder, IReadOnlyList<string> classNames) => Open(folder, classNames, everyClass: true);

    /// <summary>A dataset that may hold only some of the classes (a test split such as ImageNet-A, with 200 of ImageNet's
    /// 1,000): a class without a folder has no samples; labels still index <paramref name="classNames"/>.</summary>
    /// <exception cref="DatasetException">
    /// The folder does not exist, has no class folder, has a folder that is not a class, or holds no image.
    /// </exception>
    public static ImageFolderDataset OpenSubset(string folder, IReadOnlyList<string> classNames) => Open(folder, classNames, everyClass: false);

    private static ImageFolderDataset Open(string folder, IReadOnlyList<string> classNames, bool everyClass)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (!Directory.Exists(folder))
        {
            throw new DatasetException($"Dataset folder '{folder}' does not exist.");
        }
        var root = Path.GetFullPath(folder);
        var present = Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .ToHashSet(StringComparer.Ordinal);
        var missing = classNames.Where(name => !present.Contains(name)).ToList();
        if (missing.Count > 0 && (everyClass || missing.Count == classNames.Count))
        {
            throw new DatasetException(
                $"Dataset folder '{root}' has no folder for class(es) {Quote(missing)}: it needs one sub-folder per class, named as in the classes file.");
        }
        var unknown = present.Except(classNames, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DatasetException(
                $"Dataset folder '{root}' has folder(s) {Quote(unknown)} that are not in the classes file.");
        }
        int[] presentClasses = [.. Enumerable.Range(0, classNames.Count).Where(label => present.Contains(classNames[label]))];
        var samples = presentClasses
            .SelectMany(label => ImagesIn(Path.Combine(root, classNames[label]))
                .Select(file => new ImageSample($"{classNames[label]}/{Path.GetFileName(file)}", file, label)))
            .ToList();
        return samples.Count > 0
            ? new ImageFolderDataset(root, classNames, presentClasses, samples)
            : throw new DatasetException(
                $"Dataset folder '{root}' holds no images (files ending in {string.Join(", ", ImageExtensions)}).");
    }

    private static IEnumerable<string> ImagesIn(string classFolder) =>
        Directory.EnumerateFiles(classFolder)
            .Where(file => !Path.GetFileName(file).StartsWith('.')
                           && ImageExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));
}
