namespace Vrf.Serving.Datasets;

/// <summary>
/// The canonical form of a path with every symbolic link on it followed, as the kernel would (the C library's
/// <c>realpath</c>): each component is looked at in turn, a link is replaced by its target (relative targets against the
/// link's folder) and <c>..</c> is taken physically, from the folder reached so far. The part of a path that does not
/// exist is kept as it is written.
/// </summary>
internal static class RealPaths
{
    /// <summary>Links followed before the path is taken for a loop (Linux's own limit).</summary>
    private const int MaxLinks = 40;

    /// <exception cref="IOException">The links loop.</exception>
    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Resolve(Path.GetFullPath(path), 0);
    }

    private static string Resolve(string path, int linksFollowed)
    {
        var root = Path.GetPathRoot(path) ?? throw new IOException($"'{path}' has no root.");
        var parts = path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var index = 0; index < parts.Length; index++)
        {
            var part = parts[index];
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (linksFollowed == MaxLinks)
                {
                    throw new IOException($"'{path}' goes through more than {MaxLinks} symbolic links.");
                }
                var rest = string.Join(Path.DirectorySeparatorChar, parts[(index + 1)..]);
                var followed = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                return Resolve(rest.Length == 0 ? followed : Path.Combine(followed, rest), linksFollowed + 1);
            }
            current = next;
        }
        return current;
    }
}
