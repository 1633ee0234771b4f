using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vrf.Digits.Glyphs;

/// <summary>
/// The list of templates a glyph head was built from, with the SHA-256 of every font file it uses, so a bundle can
/// record it (as its zero-shot head's recipe, <see cref="ToLines"/>) and rebuild the same head: replaying it on a machine
/// whose font files differ is refused by name.
/// </summary>
public sealed record GlyphTemplateSet(IReadOnlyList<GlyphTemplate> Templates, IReadOnlyDictionary<string, string> FontSha256)
{
    /// <summary>One line of a recipe: a template and its font's SHA-256.</summary>
    private sealed record GlyphRecipeLine(string Font, float Size, float Stroke, float Angle, string FontSha256);

    /// <summary>Strokes of the default set: as designed, and two bolder outlines.</summary>
    public static IReadOnlyList<float> DefaultStrokes { get; } = [0f, 0.04f, 0.08f];

    /// <summary>Rotations of the default set, in degrees.</summary>
    public static IReadOnlyList<float> DefaultAngles { get; } = [-12f, -6f, 0f, 6f, 12f];

    public const float DefaultSize = 48f;

    private static readonly JsonSerializerOptions Line = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Every font with every stroke and angle, font-major, at one size; fonts must exist under <paramref name="fontRoot"/>.</summary>
    public static GlyphTemplateSet Create(
        IEnumerable<GlyphFont> fonts, string fontRoot = GlyphFonts.DefaultRoot, float size = DefaultSize,
        IReadOnlyList<float>? strokes = null, IReadOnlyList<float>? angles = null)
    {
        var fontList = fonts.ToList();
        var templates = (
            from font in fontList
            from stroke in strokes ?? DefaultStrokes
            from angle in angles ?? DefaultAngles
            select new GlyphTemplate(font.File, size, stroke, angle)).ToList();
        return new GlyphTemplateSet(templates, fontList.ToDictionary(f => f.File, f => Sha256(FontPath(fontRoot, f.File, f.Package))));
    }

    /// <summary>The font file's full path; an error naming the Debian package when it is missing.</summary>
    public static string FontPath(string fontRoot, string file, string? package = null)
    {
        var path = Path.Combine(fontRoot, file);
        if (!File.Exists(path))
        {
            var hint = package is null ? "" : $" (Debian package {package}; scripts/install-prerequisites.sh fonts installs it)";
            throw new FileNotFoundException($"Font file '{path}' is missing{hint}.", path);
        }
        return path;
    }

    /// <exception cref="InvalidDataException">A font file differs from the one the set was made with.</exception>
    public void CheckFonts(string fontRoot)
    {
        foreach (var (file, expected) in FontSha256)
        {
            var actual = Sha256(FontPath(fontRoot, file));
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException(
                    $"Font file '{file}' is not the one these glyph templates were made with (SHA-256 {actual}, recorded {expected}).");
            }
        }
    }

    /// <summary>The set as a zero-shot head's recipe, one template per line, each a JSON object with its font's SHA-256:
    /// <c>{"font":"truetype/dejavu/DejaVuSans.ttf","size":48,"stroke":0,"angle":-12,"font_sha256":"…"}</c>.</summary>
    public IReadOnlyList<string> ToLines() =>
        [.. Templates.Select(t => JsonSerializer.Serialize(new GlyphRecipeLine(t.Font, t.Size, t.Stroke, t.Angle, FontSha256[t.Font]), Line))];

    /// <summary>Reads the lines <see cref="ToLines"/> writes (blank lines are skipped).</summary>
    /// <param name="origin">Where the lines came from, for errors.</param>
    /// <exception cref="InvalidDataException">A line is not a template, a font is given two hashes, or there is no template.</exception>
    public static GlyphTemplateSet FromLines(IEnumerable<string> lines, string origin)
    {
        var templates = new List<GlyphTemplate>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var entry = ReadLine(line, origin, number);
            if (hashes.TryGetValue(entry.Font, out var known) && !string.Equals(known, entry.FontSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"Glyph templates '{origin}', line {number}: font '{entry.Font}' has two SHA-256 values.");
            }
            hashes[entry.Font] = entry.FontSha256;
            templates.Add(new GlyphTemplate(entry.Font, entry.Size, entry.Stroke, entry.Angle));
        }
        return templates.Count > 0
            ? new GlyphTemplateSet(templates, hashes)
            : throw new InvalidDataException($"Glyph templates '{origin}' hold no template.");
    }

    private static GlyphRecipeLine ReadLine(string line, string origin, int number)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<GlyphRecipeLine>(line, Line);
            return entry is { Font.Length: > 0, FontSha256.Length: > 0, Size: > 0 }
                ? entry
                : throw new InvalidDataException($"Glyph templates '{origin}', line {number}: a template needs a font, a positive size and the font's SHA-256.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Glyph templates '{origin}', line {number} is not a template: {e.Message}", e);
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
