using System.Text.Json;

namespace Vrf.Cli.Commands.Demo;

/// <summary>The demo's part of <c>vrf demo --json</c>, after the evaluation table's: <c>"demo": {"profile", "train_images",
/// "epochs", "image_size", "phases": [{"name", "wall_s", "cpu_s"}], "total_s"}</c>.</summary>
internal static class DemoJson
{
    public static void Write(Utf8JsonWriter json, DemoProfile profile, DemoPhases phases)
    {
        json.WriteStartObject("demo");
        json.WriteString("profile", profile.Name);
        json.WriteNumber("train_images", profile.TrainImages);
        json.WriteNumber("epochs", profile.Epochs);
        json.WriteNumber("image_size", profile.ImageSize);
        json.WriteStartArray("phases");
        foreach (var phase in phases.Times)
        {
            json.WriteStartObject();
            json.WriteString("name", phase.Name);
            json.WriteNumber("wall_s", Math.Round(phase.Wall.TotalSeconds, 1));
            json.WriteNumber("cpu_s", Math.Round(phase.Cpu.TotalSeconds, 1));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("total_s", Math.Round(phases.Total.TotalSeconds, 1));
        json.WriteEndObject();
    }
}
