using System.Text.RegularExpressions;

namespace Vrf.Serving.Store;

/// <summary>
/// The rule for model names: 1 to 64 characters of lower-case letters, digits, <c>.</c>, <c>_</c> and <c>-</c>,
/// starting with a letter or digit. Such a name is a safe folder name on every file system and a valid Qdrant
/// collection name part.
/// </summary>
public static partial class ModelName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <exception cref="InvalidModelNameException">The name breaks the rule.</exception>
    public static void Validate(string? name)
    {
        if (!IsValid(name))
        {
            throw new InvalidModelNameException(
                $"'{name}' is not a valid model name: use 1 to {MaxLength} lower-case letters, digits, '.', '_' or '-', " +
                "starting with a letter or digit.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
