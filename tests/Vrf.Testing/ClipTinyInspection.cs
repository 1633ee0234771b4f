using System.Text.Json;

namespace Vrf.Testing;

/// <summary>
/// The inputs behind the clip-tiny oracle (its images in order, its prompts, its zero-shot classes and templates), read
/// from its <c>expected.json</c>, so a test can run the same inputs through the code and compare every tensor.
/// </summary>
public sealed record ClipTinyInspection(
    string ModelFolder,
    IReadOnlyList<string> ImagePaths,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<string> Templates,
    IReadOnlyList<string> ZeroShotPrompts,
    ExpectedTensors Expected)
{
    public static ClipTinyInspection Load()
    {
        var folder = RepositoryPaths.Fixture("clip-tiny");
        var expected = ExpectedTensors.Load(Path.Combine(folder, "expected.json"));
        var root = expected.Root;
        var zeroShot = root.GetProperty("zeroshot");
        return new ClipTinyInspection(
            folder,
            root.GetProperty("images").EnumerateArray()
                .Select(image => Path.Combine(folder, image.GetProperty("file").GetString()!)).ToArray(),
            Strings(root.GetProperty("prompts")),
            Strings(zeroShot.GetProperty("classnames")),
            Strings(zeroShot.GetProperty("templates")),
            Strings(zeroShot.GetProperty("prompts")),
            expected);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToArray();
}
