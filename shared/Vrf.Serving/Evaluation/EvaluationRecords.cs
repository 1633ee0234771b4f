using System.Globalization;
using System.Text.Json;
using Vrf.Serving.Store;

namespace Vrf.Serving.Evaluation;

/// <summary>
/// The last evaluation of each version, kept in the store beside the bundles so that the gateway can show it:
/// <c>&lt;store&gt;/.evaluations/&lt;name&gt;/&lt;version&gt;.json</c> (the store skips dot-folders). Written beside its
/// file and renamed into place, so a reader never sees half of one; a later evaluation replaces it.
/// </summary>
public sealed class EvaluationRecords
{
    public const string FolderName = ".evaluations";

    public EvaluationRecords(ModelStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Root = Path.Combine(store.Root, FolderName);
    }

    /// <summary>The folder holding one sub-folder per model.</summary>
    public string Root { get; }

    public void Save(ModelVersionId id, EvaluationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            File.WriteAllText(partial, JsonSerializer.Serialize(record, ManifestJson.Options));
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>The version's last evaluation; null when it was never evaluated.</summary>
    /// <exception cref="InvalidDataException">The record is not valid JSON of this schema.</exception>
    public EvaluationRecord? Find(ModelVersionId id)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<EvaluationRecord>(File.ReadAllText(path), ManifestJson.Options)
                   ?? throw new InvalidDataException($"The evaluation record '{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The evaluation record '{path}' is not valid: {e.Message}", e);
        }
    }

    private string PathOf(ModelVersionId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Path.Combine(Root, id.Name, $"{id.Version.ToString(CultureInfo.InvariantCulture)}.json");
    }
}
