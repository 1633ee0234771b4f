namespace Vrf.Encoders.ZeroShot;

/// <summary>
/// A way to build a version's zero-shot head from its class names, chosen by name at import (the manifest's
/// <c>zero_shot_head_builder</c>): from prompts with a text tower (<see cref="PromptHeadBuilder"/>), or from anything
/// else an image encoder can embed. Its recipe (prompt templates, or whatever it builds from) is a list of lines the
/// bundle keeps, so the head can be built again. Register one with
/// <see cref="EncoderRegistration.AddZeroShotHeadBuilder{TBuilder}"/>. Stateless and thread-safe.
/// </summary>
public interface IZeroShotHeadBuilder
{
    /// <summary>Its name in manifests and requests, e.g. <c>prompts</c>.</summary>
    string Name { get; }

    /// <summary>Whether it needs the encoder's text tower (<see cref="ITextTower"/>).</summary>
    bool NeedsTextTower { get; }

    /// <summary>The recipe from a file given at import, or the default recipe when none is given.</summary>
    /// <exception cref="ZeroShotHeadException">The file is missing or not a recipe.</exception>
    IReadOnlyList<string> Recipe(string? file);

    /// <summary>Builds the head for the request's encoder.</summary>
    /// <exception cref="ZeroShotHeadException">The encoder cannot build this kind of head.</exception>
    ZeroShotHead Build(ZeroShotHeadRequest request);
}
