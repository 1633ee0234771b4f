namespace Vrf.Encoders.ZeroShot;

/// <summary>
/// Prompt templates such as <c>a photo of a {}.</c>: filling them with class names, and reading a list of them from a
/// text file (one per line; blank lines and lines starting with <c>#</c> are skipped).
/// </summary>
public static class PromptTemplates
{
    public const string Placeholder = "{}";

    public static IReadOnlyList<string> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Prompt template file '{path}' does not exist.", path);
        }
        return Parse(File.ReadLines(path), path);
    }

    /// <param name="lines">The file's lines.</param>
    /// <param name="source">Where they come from, for error messages.</param>
    public static IReadOnlyList<string> Parse(IEnumerable<string> lines, string source)
    {
        var templates = new List<string>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            var template = line.Trim();
            if (template.Length == 0 || template.StartsWith('#'))
            {
                continue;
            }
            if (!template.Contains(Placeholder, StringComparison.Ordinal))
            {
                throw new FormatException(
                    $"Prompt template file '{source}', line {lineNumber}: '{template}' has no {Placeholder} for the class name.");
            }
            templates.Add(template);
        }
        return templates.Count > 0
            ? templates
            : throw new FormatException($"Prompt template file '{source}' holds no templates.");
    }

    /// <summary>The template with every <c>{}</c> replaced by <paramref name="className"/> (Python's <c>str.format</c>).</summary>
    public static string Fill(string template, string className) =>
        template.Replace(Placeholder, className, StringComparison.Ordinal);

    /// <summary>Every template filled with every class name, class-major: prompt index = class * templates + template.</summary>
    public static IReadOnlyList<string> Prompts(IReadOnlyList<string> classNames, IReadOnlyList<string> templates) =>
        classNames.SelectMany(className => templates.Select(template => Fill(template, className))).ToList();
}
