namespace Vrf.Serving.Datasets;

/// <summary>
/// A classes file: one class name per line, in the order of the model's logits; surrounding spaces and blank lines
/// are ignored. Names must be distinct and usable as folder names, since datasets have one sub-folder per class.
/// </summary>
public static class ClassNames
{
    public static IReadOnlyList<string> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException($"Classes file '{path}' does not exist.");
        }
        return Parse(File.ReadLines(path), path);
    }

    /// <param name="lines">The file's lines.</param>
    /// <param name="source">Where they come from, for error messages.</param>
    public static IReadOnlyList<string> Parse(IEnumerable<string> lines, string source)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            var name = line.Trim();
            if (name.Length == 0)
            {
                continue;
            }
            if (name is "." or ".." || name.IndexOfAny(['/', '\\', '\0']) >= 0)
            {
                throw new DatasetException($"Classes file '{source}', line {lineNumber}: '{name}' cannot be a folder name.");
            }
            if (!seen.Add(name))
            {
                throw new DatasetException($"Classes file '{source}', line {lineNumber}: '{name}' is listed twice.");
            }
            names.Add(name);
        }
        return names.Count >= 2
            ? names
            : throw new DatasetException($"Classes file '{source}' names {names.Count} class(es); a classifier needs at least 2.");
    }

    /// <summary>The names one per line, as <see cref="Parse"/> reads them back.</summary>
    public static void Save(string path, IReadOnlyList<string> names) => File.WriteAllLines(path, names);
}
