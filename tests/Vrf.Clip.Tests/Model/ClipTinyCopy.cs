using System.Text.Json.Nodes;
using Vrf.Clip.Configuration;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

/// <summary>Writes altered copies of the clip-tiny folder's config.json and model.safetensors into a test directory.</summary>
public static class ClipTinyCopy
{
    private static string FixtureFile(string name) => Path.Combine(ClipTinyReference.Folder, name);

    public static void CopyConfig(string directory) =>
        File.Copy(FixtureFile(ClipConfig.FileName), Path.Combine(directory, ClipConfig.FileName));

    public static void CopyWeights(string directory) =>
        File.Copy(FixtureFile(ClipModelFolder.WeightsFileName), Path.Combine(directory, ClipModelFolder.WeightsFileName));

    /// <summary>Writes the fixture's config.json after <paramref name="edit"/> has changed its JSON.</summary>
    public static void WriteConfig(string directory, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(FixtureFile(ClipConfig.FileName)))!.AsObject();
        edit(json);
        File.WriteAllText(Path.Combine(directory, ClipConfig.FileName), json.ToJsonString());
    }

    /// <summary>Writes the fixture's tensors after <paramref name="edit"/> has added, removed or replaced some.</summary>
    public static void WriteWeights(string directory, Action<Dictionary<string, Tensor>> edit)
    {
        using var scope = NewDisposeScope();
        using var file = SafeTensorsFile.Open(FixtureFile(ClipModelFolder.WeightsFileName));
        var tensors = file.Tensors.Keys.ToDictionary(name => name, file.Read);
        edit(tensors);
        SafeTensorsWriter.Write(Path.Combine(directory, ClipModelFolder.WeightsFileName), tensors);
    }
}
