using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>Writes a <see cref="ClipBenchReport"/> as indented camel-case JSON.</summary>
public static class BenchReportFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(ClipBenchReport report, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options) + "\n");
}
