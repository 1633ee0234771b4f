namespace Vrf.Serving.Datasets;

/// <summary>
/// The folders a service reads training and validation images from (its <c>DataRoots</c> setting, such as
/// <c>FineTuning:DataRoots</c>). A folder a request or a manifest names is read only if it lies under one of them:
/// absolute, without <c>..</c>, and still under a root once every symbolic link on its way is followed; the class folders
/// and images in it may not lead out through links either. A refusal names the setting and its roots, never what the
/// server's folders hold. With no roots configured nothing is confined (a process on a user's own machine).
/// </summary>
public sealed class DataRoots
{
    private readonly string _setting;
    private readonly IReadOnlyList<string> _roots;

    /// <param name="folders">The configured roots.</param>
    /// <param name="setting">The setting they come from, for messages, such as <c>FineTuning:DataRoots</c>.</param>
    /// <exception cref="ArgumentException">A root is not an absolute path.</exception>
    public DataRoots(IEnumerable<string> folders, string setting)
    {
        ArgumentNullException.ThrowIfNull(folders);
        _setting = setting;
        Folders = [.. folders.Where(folder => !string.IsNullOrWhiteSpace(folder))];
        var relative = Folders.Where(folder => !Path.IsPathFullyQualified(folder)).ToList();
        if (relative.Count > 0)
        {
            throw new ArgumentException($"{setting} must list absolute folders, not {string.Join(", ", relative.Select(folder => $"'{folder}'"))}.");
        }
        _roots = [.. Folders.Select(RealPaths.Of)];
    }

    /// <summary>The roots as configured.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>Whether any root is configured; without one every folder may be read.</summary>
    public bool IsConfined => _roots.Count > 0;

    /// <summary>The canonical path of <paramref name="path"/> (links followed) if it lies under a root; the path as given
    /// when nothing is confined.</summary>
    /// <param name="name">What the path is, for messages, such as <c>TrainPath</c>.</param>
    /// <exception cref="DatasetException">It is relative, holds <c>..</c>, or lies (or leads through a link) outside the roots.</exception>
    public string Confine(string name, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsConfined)
        {
            return path;
        }
        if (!Path.IsPathFullyQualified(path))
        {
            throw new DatasetException($"{name} must be an absolute path under the data roots ({Described()}).");
        }
        if (path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]).Contains(".."))
        {
            throw new DatasetException($"{name} must not contain '..': give the folder's own path under the data roots ({Described()}).");
        }
        string real;
        try
        {
            real = RealPaths.Of(path);
        }
        catch (IOException)
        {
            throw new DatasetException($"{name} '{path}' cannot be resolved under the data roots ({Described()}): its symbolic links loop.");
        }
        if (IsUnderRoot(real))
        {
            return real;
        }
        throw new DatasetException(IsUnderRoot(Path.GetFullPath(path))
            ? $"{name} '{path}' leads outside the data roots ({Described()}) through a symbolic link."
            : $"{name} '{path}' is outside the data roots this service reads images from ({Described()}).");
    }

    /// <summary>Opens the image folder at <paramref name="path"/> (<see cref="ImageFolderDataset.Open"/>) once it is
    /// confined, and refuses it if a class folder or an image in it is a link that leads outside the roots.</summary>
    /// <exception cref="DatasetException">The folder is outside the roots, or cannot be used as a dataset.</exception>
    public ImageFolderDataset Open(string name, string path, IReadOnlyList<string> classNames)
    {
        var dataset = ImageFolderDataset.Open(Confine(name, path), classNames);
        if (!IsConfined)
        {
            return dataset;
        }
        var entries = classNames.Select(className => Path.Combine(dataset.Folder, className)).Concat(dataset.Samples.Select(sample => sample.Path));
        if (entries.Any(LeadsOut))
        {
            throw new DatasetException(
                $"{name} '{path}' holds a class folder or an image that is a symbolic link leading outside the data roots ({Described()}); " +
                "copy the images under a root instead.");
        }
        return dataset;
    }

    /// <summary>Whether an entry is a link whose target is not under a root (a loop counts as leading out).</summary>
    private bool LeadsOut(string entry)
    {
        if (new FileInfo(entry).LinkTarget is null)
        {
            return false;
        }
        try
        {
            return !IsUnderRoot(RealPaths.Of(entry));
        }
        catch (IOException)
        {
            return true;
        }
    }

    private bool IsUnderRoot(string path) =>
        _roots.Any(root => path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private string Described() => $"{_setting}: {string.Join(", ", Folders)}";
}
