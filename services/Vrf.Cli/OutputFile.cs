namespace Vrf.Cli;

/// <summary>Writes a command's result file, creating its folder; a file that cannot be written is a user error.</summary>
internal static class OutputFile
{
    public static void Write(string path, Action<Stream> write)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
            using var output = File.Create(path);
            write(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {path}: {e.Message}", e);
        }
    }
}
