using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>Writes a report of <c>vrf bench pipeline</c> or <c>vrf bench scale</c> as indented snake-case JSON, one
/// object per measurement, for scripts and for comparing runs.</summary>
public static class SnakeCaseReportFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<TReport>(TReport report, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options) + "\n");
}
