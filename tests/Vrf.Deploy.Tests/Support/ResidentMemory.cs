using System.Globalization;

namespace Vrf.Deploy.Tests.Support;

/// <summary>A process's peak resident memory as Linux counts it (<c>VmHWM</c> in /proc/PID/status).</summary>
public static class ResidentMemory
{
    /// <summary>The peak in MiB, or null when the process is gone.</summary>
    public static double? PeakMebibytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
