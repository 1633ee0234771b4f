using Vrf.Contracts;

namespace Vrf.Serving.Jobs;

/// <summary>
/// The names of the fine-tuning recipes: the short ones the HTTP API and the CLI take (<c>lp-ft</c>) and the ones a
/// version's training record keeps (<c>linear-probe-then-fine-tune</c>). A new recipe is one more entry here.
/// </summary>
public static class FineTuningRecipeNames
{
    private static readonly (FineTuningRecipe Recipe, string Name, string RecordName)[] Names =
    [
        (FineTuningRecipe.EndToEnd, "end-to-end", "end-to-end"),
        (FineTuningRecipe.LinearProbe, "linear-probe", "linear-probe"),
        (FineTuningRecipe.LinearProbeThenFineTune, "lp-ft", "linear-probe-then-fine-tune"),
    ];

    /// <summary>The short names as a message lists them: <c>end-to-end, linear-probe or lp-ft</c>.</summary>
    public static string Choices { get; } =
        $"{string.Join(", ", Names[..^1].Select(entry => entry.Name))} or {Names[^1].Name}";

    /// <summary>Reads a recipe's short name, ignoring case.</summary>
    public static bool TryParse(string name, out FineTuningRecipe recipe)
    {
        foreach (var entry in Names)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                recipe = entry.Recipe;
                return true;
            }
        }
        recipe = default;
        return false;
    }

    /// <summary>The recipe as a version's training record names it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a recipe.</exception>
    public static string RecordNameOf(FineTuningRecipe recipe)
    {
        foreach (var entry in Names)
        {
            if (entry.Recipe == recipe)
            {
                return entry.RecordName;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(recipe), recipe, "Not a fine-tuning recipe.");
    }
}
