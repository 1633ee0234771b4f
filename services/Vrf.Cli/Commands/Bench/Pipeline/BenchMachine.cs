using System.Globalization;
using System.Runtime.InteropServices;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>The machine a benchmark ran on, and how busy it was when the run began (the load average is what makes
/// absolute figures on a shared machine noise: compare ratios taken in one run).</summary>
public sealed record BenchMachine(int Processors, string Os, string Runtime, string Device, double? LoadAverage)
{
    public static BenchMachine Current(string device) =>
        new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, device, ReadLoadAverage());

    private static double? ReadLoadAverage() =>
        File.Exists("/proc/loadavg")
        && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
}
