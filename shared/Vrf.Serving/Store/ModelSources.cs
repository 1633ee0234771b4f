namespace Vrf.Serving.Store;

/// <summary>Where an import took the bundle's parts from (full paths as the importer saw them); for a version written by
/// fine-tuning, the base version's zero-shot model (both models start from it), zero-shot head (the trained head's
/// starting point), classes and templates.</summary>
/// <param name="FineTunedHead">The fine-tuned head file given, or null when the head was built from the fine-tuned text tower.</param>
/// <param name="Templates">The templates file given, or null for OpenAI's 80 ImageNet templates.</param>
public sealed record ModelSources(string ZeroShotModel, string FineTunedModel, string? FineTunedHead, string Classes, string? Templates);
