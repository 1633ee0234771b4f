using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>The machine a benchmark ran on, and how busy it was when the run began (figures from another run or machine do not compare).</summary>
/// <param name="Cpu">The processor's model name (<c>/proc/cpuinfo</c>).</param>
/// <param name="Cores">Logical processors available to this process.</param>
/// <param name="MemoryGib">Physical memory (<c>/proc/meminfo</c>).</param>
/// <param name="LoadAverage">The one-minute load average at the start (<c>/proc/loadavg</c>): above the core count, other work shared the cores.</param>
/// <param name="Threads">The threads both sides were given.</param>
public sealed record BenchMachine(
    [property: JsonPropertyName("cpu")] string Cpu,
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("memory_gib")] double? MemoryGib,
    [property: JsonPropertyName("load_average")] double? LoadAverage,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("dotnet")] string DotNet,
    [property: JsonPropertyName("torchsharp")] string TorchSharp,
    [property: JsonPropertyName("peer")] string? Peer,
    [property: JsonPropertyName("threads")] int Threads)
{
    public static BenchMachine Describe(int threads, string? peer) => new(
        ProcFirst("/proc/cpuinfo", line => line.StartsWith("model name", StringComparison.Ordinal) ? line[(line.IndexOf(':') + 1)..].Trim() : null)
            ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        ProcFirst("/proc/meminfo", line => line.StartsWith("MemTotal:", StringComparison.Ordinal)
            ? double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / (1024 * 1024) : (double?)null),
        ProcFirst("/proc/loadavg", line => double.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture)),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        typeof(TorchSharp.torch).Assembly.GetName().Version!.ToString(3),
        peer,
        threads);

    private static T? ProcFirst<T>(string path, Func<string, T?> parse) =>
        File.Exists(path) ? File.ReadLines(path).Select(parse).FirstOrDefault(value => value is not null) : default;
}
