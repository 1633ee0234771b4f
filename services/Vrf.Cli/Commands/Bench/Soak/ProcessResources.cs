using System.Globalization;
using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>What a process holds, as the kernel reports it: resident memory and threads from <c>/proc/PID/status</c>
/// (VmRSS, Threads) and open file descriptors (sockets, files, pipes) from the entries of <c>/proc/PID/fd</c>.</summary>
public sealed record ProcessResources([property: JsonPropertyName("resident_mib")] double ResidentMiB, int OpenFiles, int Threads)
{
    /// <summary>The process's figures now, or null when it is gone (or <c>/proc</c> is not there).</summary>
    public static ProcessResources? Read(int processId)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{processId}/status");
            var openFiles = Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd").Count();
            return new ProcessResources(Field(status, "VmRSS:") / 1024.0, openFiles, (int)Field(status, "Threads:"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first number of the line starting with <paramref name="name"/>.</summary>
    private static long Field(IEnumerable<string> status, string name)
    {
        var line = status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))
            ?? throw new IOException($"/proc status has no {name} line");
        return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
