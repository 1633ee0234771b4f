namespace Vrf.Digits.Glyphs;

/// <summary>A font face from a Debian package: its file under the fonts folder (<c>/usr/share/fonts</c>).</summary>
/// <param name="Package">The Debian package that installs it (named by the set-up script).</param>
/// <param name="File">The path below the fonts folder, with forward slashes.</param>
public sealed record GlyphFont(string Package, string File);
