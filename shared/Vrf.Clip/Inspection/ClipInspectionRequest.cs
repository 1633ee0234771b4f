namespace Vrf.Clip.Inspection;

/// <summary>
/// What to run through every stage of a CLIP model folder: images (in order), prompts (in order) and the classes and
/// templates of a zero-shot head (prompts class-major). Each group may be empty, but not all of them.
/// </summary>
public sealed record ClipInspectionRequest(
    string ModelFolder,
    IReadOnlyList<string> ImagePaths,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<string> Templates,
    ClipLoadOptions? LoadOptions = null);
