using System.Globalization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>This process's resident set size, as the kernel reports it in <c>/proc/self/status</c> (VmRSS).</summary>
public static class ResidentMemory
{
    private const string Field = "VmRSS:";

    /// <summary>Resident bytes, or null where <c>/proc</c> is not available.</summary>
    public static long? Bytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(Field, StringComparison.Ordinal));
        var kibibytes = line?[Field.Length..].Trim().Split(' ')[0];
        return kibibytes is null ? null : long.Parse(kibibytes, CultureInfo.InvariantCulture) * 1024;
    }
}
