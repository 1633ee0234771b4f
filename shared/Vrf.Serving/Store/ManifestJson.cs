using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vrf.Serving.Store;

/// <summary>
/// Reads and writes <c>manifest.json</c>: snake_case names, enums as snake_case strings, indented, non-ASCII text
/// (class names, ω) written as itself rather than escaped.
/// </summary>
public static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static string Serialize(ModelManifest manifest) => JsonSerializer.Serialize(manifest, Options);

    /// <exception cref="InvalidDataException">The file is not a manifest of the schema this code reads.</exception>
    public static ModelManifest Read(string path)
    {
        ModelManifest? manifest;
        try
        {
            using var stream = File.OpenRead(path);
            manifest = JsonSerializer.Deserialize<ModelManifest>(stream, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Model manifest '{path}' is not valid: {e.Message}", e);
        }
        if (manifest is null)
        {
            throw new InvalidDataException($"Model manifest '{path}' is empty.");
        }
        if (manifest.Schema != ModelManifest.CurrentSchema)
        {
            throw new InvalidDataException(
                $"Model manifest '{path}' has schema '{manifest.Schema}'; this version reads '{ModelManifest.CurrentSchema}'.");
        }
        return manifest;
    }

    /// <summary>Writes the manifest beside <paramref name="path"/> and renames it into place, so readers never see half of it.</summary>
    public static void Write(string path, ModelManifest manifest)
    {
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            File.WriteAllText(partial, Serialize(manifest));
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
