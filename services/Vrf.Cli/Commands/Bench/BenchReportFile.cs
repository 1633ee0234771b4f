using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>Writes a benchmark's report as indented JSON (camel-case names unless the report names its own).</summary>
public static class BenchReportFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<TReport>(TReport report, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options) + "\n");
}
