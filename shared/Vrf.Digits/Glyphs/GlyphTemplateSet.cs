using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vrf.Digits.Glyphs;

/// <summary>
/// The list of templates a glyph head was built from, with the SHA-256 of every font file it uses, so a bundle can
/// record it and rebuild the same head: replaying it on a machine whose font files differ is refused by name.
/// </summary>
public sealed record GlyphTemplateSet(IReadOnlyList<GlyphTemplate> Templates, IReadOnlyDictionary<string, string> FontSha256)
{
    public const string FileName = "glyph-templates.json";

    /// <summary>Strokes of the default set: as designed, and two bolder outlines.</summary>
    public static IReadOnlyList<float> DefaultStrokes { get; } = [0f, 0.04f, 0.08f];

    /// <summary>Rotations of the default set, in degrees.</summary>
    public static IReadOnlyList<float> DefaultAngles { get; } = [-12f, -6f, 0f, 6f, 12f];

    public const float DefaultSize = 48f;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
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

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GlyphTemplateSet FromJson(string json, string origin)
    {
        try
        {
            return JsonSerializer.Deserialize<GlyphTemplateSet>(json, Json) ?? throw new InvalidDataException($"Glyph templates '{origin}' are empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Glyph templates '{origin}' are not valid: {e.Message}", e);
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
