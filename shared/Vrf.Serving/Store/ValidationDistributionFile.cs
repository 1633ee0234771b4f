using Vrf.Monitoring;

namespace Vrf.Serving.Store;

/// <summary>A bundle's <c>validation-distribution.json</c> (<see cref="ValidationDistributionJson"/>), written whole or
/// not at all.</summary>
public static class ValidationDistributionFile
{
    /// <summary>Writes the file beside <paramref name="path"/> and renames it into place.</summary>
    public static void Write(string path, ValidationDistribution distribution)
    {
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            File.WriteAllText(partial, ValidationDistributionJson.Serialize(distribution));
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a validation distribution; the message says what.</exception>
    public static ValidationDistribution Read(string path)
    {
        try
        {
            return ValidationDistributionJson.Deserialize(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}': {e.Message}", e);
        }
    }
}
