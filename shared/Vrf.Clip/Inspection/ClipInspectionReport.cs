namespace Vrf.Clip.Inspection;

/// <summary>The tensors of every stage, in stage order, and the warnings met on the way (e.g. truncated prompts).</summary>
public sealed record ClipInspectionReport(
    IReadOnlyList<InspectedTensor> Tensors,
    IReadOnlyList<string> ZeroShotPrompts,
    IReadOnlyList<string> Warnings)
{
    public InspectedTensor this[string name] =>
        Tensors.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"No inspected tensor '{name}'.");
}
