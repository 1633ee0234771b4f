using System.ComponentModel;
using System.Diagnostics;

namespace Vrf.Testing;

/// <summary>
/// A tmpfs of a given size mounted on a fresh temporary folder, to see what code does when its disk fills up or turns
/// read-only (<c>mount -o remount,ro</c>). Mounting needs root or CAP_SYS_ADMIN; as root, file permissions stop no
/// writes, so a mount is the only honest way to make writes fail. Unmounted (lazily, if something still holds it) and
/// its folder removed on dispose.
/// </summary>
public sealed class SmallFileSystem : IDisposable
{
    private const string FillerName = "filler";

    private SmallFileSystem(string path) => Path = path;

    public string Path { get; }

    /// <summary>Bytes still free for new files.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> bytes, or returns null and why it could not (not root, no
    /// CAP_SYS_ADMIN, no <c>mount</c>): the test reports itself skipped with that reason.</summary>
    public static SmallFileSystem? TryMount(long bytes, out string refusal)
    {
        var path = Directory.CreateTempSubdirectory("vrf-tmpfs-").FullName;
        var (exitCode, output) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        if (exitCode == 0)
        {
            refusal = "";
            return new SmallFileSystem(path);
        }
        Directory.Delete(path);
        refusal = $"mounting a tmpfs needs root or CAP_SYS_ADMIN (mount said: {output.Trim()})";
        return null;
    }

    /// <summary>Writes a filler file until the file system is full.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, FillerName), FileMode.Append, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // Full: what was written stays.
        }
    }

    /// <summary>Removes the filler file of <see cref="Fill"/>.</summary>
    public void Free() => File.Delete(System.IO.Path.Combine(Path, FillerName));

    public void MakeReadOnly() => Remount("ro");

    public void MakeWritable() => Remount("rw");

    public void Dispose()
    {
        if (Run("umount", Path).ExitCode != 0)
        {
            Run("umount", "-l", Path);
        }
        Directory.Delete(Path, recursive: true);
    }

    private void Remount(string mode)
    {
        var (exitCode, output) = Run("mount", "-o", $"remount,{mode}", Path);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Remounting {Path} {mode} failed: {output}");
        }
    }

    private static (int ExitCode, string Output) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error + output.Result);
        }
        catch (Win32Exception missing)
        {
            return (-1, missing.Message);
        }
    }
}
