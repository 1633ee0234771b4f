namespace Vrf.Digits.Glyphs;

/// <summary>
/// The font faces glyph renderings use, from Debian 12 packages that <c>scripts/install-prerequisites.sh fonts</c>
/// installs. <see cref="Templates"/> build zero-shot heads; <see cref="HeldOut"/>, from other packages, render the
/// "printed digits" shifted split, so that split tests fonts the head never saw.
/// </summary>
public static class GlyphFonts
{
    public const string DefaultRoot = "/usr/share/fonts";

    public static IReadOnlyList<GlyphFont> Templates { get; } =
    [
        new("fonts-dejavu-core", "truetype/dejavu/DejaVuSans.ttf"),
        new("fonts-dejavu-core", "truetype/dejavu/DejaVuSans-Bold.ttf"),
        new("fonts-dejavu-core", "truetype/dejavu/DejaVuSerif.ttf"),
        new("fonts-dejavu-core", "truetype/dejavu/DejaVuSansMono.ttf"),
        new("fonts-liberation2", "truetype/liberation2/LiberationSans-Regular.ttf"),
        new("fonts-liberation2", "truetype/liberation2/LiberationSans-Bold.ttf"),
        new("fonts-liberation2", "truetype/liberation2/LiberationSerif-Regular.ttf"),
        new("fonts-liberation2", "truetype/liberation2/LiberationMono-Regular.ttf"),
        new("fonts-freefont-ttf", "truetype/freefont/FreeSans.ttf"),
        new("fonts-freefont-ttf", "truetype/freefont/FreeSansBold.ttf"),
        new("fonts-freefont-ttf", "truetype/freefont/FreeSerif.ttf"),
        new("fonts-freefont-ttf", "truetype/freefont/FreeMono.ttf"),
        new("fonts-croscore", "truetype/croscore/Arimo-Regular.ttf"),
        new("fonts-croscore", "truetype/croscore/Tinos-Regular.ttf"),
        new("fonts-croscore", "truetype/croscore/Cousine-Regular.ttf"),
        new("fonts-crosextra-carlito", "truetype/crosextra/Carlito-Regular.ttf"),
        new("fonts-urw-base35", "opentype/urw-base35/NimbusSans-Regular.otf"),
        new("fonts-urw-base35", "opentype/urw-base35/NimbusRoman-Regular.otf"),
        new("fonts-urw-base35", "opentype/urw-base35/URWBookman-Light.otf"),
        new("fonts-urw-base35", "opentype/urw-base35/URWGothic-Book.otf"),
        new("fonts-urw-base35", "opentype/urw-base35/P052-Roman.otf"),
        new("fonts-urw-base35", "opentype/urw-base35/C059-Roman.otf"),
        new("fonts-comic-neue", "opentype/comic-neue/ComicNeue-Regular.otf"),
        new("fonts-comic-neue", "opentype/comic-neue/ComicNeue-Bold.otf"),
        new("fonts-dkg-handwriting", "truetype/fifthhorseman/dkg.ttf"),
        new("fonts-humor-sans", "truetype/humor-sans/Humor-Sans.ttf"),
        new("fonts-cantarell", "opentype/cantarell/Cantarell-Regular.otf"),
        new("fonts-quicksand", "truetype/quicksand/Quicksand-Regular.ttf"),
        new("fonts-cabin", "opentype/cabin/Cabin-Regular.otf"),
        new("fonts-go", "fonts-go/Go-Regular.ttf"),
        new("fonts-jura", "opentype/jura/Jura-Regular.otf"),
        new("fonts-dancingscript", "opentype/dancingscript/DancingScript-Regular.otf"),
        new("fonts-breip", "truetype/breip/Breip.ttf"),
        new("fonts-femkeklaver", "truetype/femkeklaver/femkeklaver.ttf"),
        new("fonts-kristi", "truetype/kristi/Kristi.ttf"),
        new("fonts-isabella", "truetype/isabella/Isabella.ttf"),
        new("fonts-averia-sans-gwf", "truetype/averia-gwf/AveriaSansGWF-Regular.ttf"),
        new("fonts-play", "truetype/play/Play-Regular.ttf"),
        new("fonts-3270", "truetype/3270/3270-Regular.ttf"),
        new("fonts-anonymous-pro", "truetype/anonymous-pro/Anonymous Pro.ttf"),
        new("fonts-inconsolata", "truetype/inconsolata/Inconsolata.otf"),
        new("fonts-agave", "truetype/agave/agave-r-autohinted.ttf"),
    ];

    public static IReadOnlyList<GlyphFont> HeldOut { get; } =
    [
        new("fonts-crosextra-caladea", "truetype/crosextra/Caladea-Regular.ttf"),
        new("fonts-oldstandard", "truetype/fonts-oldstandard/OldStandard-Regular.ttf"),
        new("fonts-league-spartan", "opentype/league-spartan/LeagueSpartan-Bold.otf"),
        new("fonts-courier-prime", "opentype/courier-prime/Courier Prime.otf"),
        new("fonts-averia-serif-gwf", "truetype/averia-gwf/AveriaSerifGWF-Regular.ttf"),
        new("fonts-tomsontalks", "truetype/tomsontalks/TomsonTalks.ttf"),
    ];

    /// <summary>Every Debian package named above, in order, for the set-up script's check.</summary>
    public static IReadOnlyList<string> Packages => Templates.Concat(HeldOut).Select(f => f.Package).Distinct().ToList();
}
