using static TorchSharp.torch;

namespace Vrf.Tensors;

/// <summary>
/// Moves a module's parameters and persistent buffers to and from a safetensors checkpoint by name, the way
/// transformers' <c>from_pretrained</c> / <c>save_pretrained</c> do. Checkpoint tensors the module does not use (such
/// as older checkpoints' int64 <c>*.position_ids</c>) are ignored.
/// </summary>
public static class CheckpointWeights
{
    private const int ProblemsShown = 20;

    /// <summary>
    /// Fills every tensor of <paramref name="module"/>'s <c>state_dict()</c> from <paramref name="file"/>. Every name
    /// and shape is checked before anything is copied; a missing or mis-shaped tensor is an error naming the tensor,
    /// both shapes and the file.
    /// </summary>
    public static void Load(nn.Module module, SafeTensorsFile file)
    {
        var expected = module.state_dict();
        var problems = new List<string>();
        foreach (var (name, tensor) in expected)
        {
            if (!file.Tensors.TryGetValue(name, out var stored))
            {
                problems.Add($"tensor '{name}' {ShapeFormat.Of(tensor.shape)} is missing");
            }
            else if (!stored.Shape.SequenceEqual(tensor.shape))
            {
                problems.Add($"tensor '{name}' has shape {stored.ShapeText} but the model expects {ShapeFormat.Of(tensor.shape)}");
            }
        }
        if (problems.Count > 0)
        {
            var more = problems.Count > ProblemsShown ? $"; and {problems.Count - ProblemsShown} more" : "";
            throw new InvalidDataException(
                $"Checkpoint '{file.Path}' does not fit the model: {string.Join("; ", problems.Take(ProblemsShown))}{more}.");
        }
        foreach (var (name, tensor) in expected)
        {
            file.CopyTo(name, tensor);
        }
    }

    /// <summary>Writes every tensor of <paramref name="module"/>'s <c>state_dict()</c>, in its element type.</summary>
    public static void Save(nn.Module module, string path) =>
        SafeTensorsWriter.Write(path, module.state_dict(), SafeTensorsWriter.PyTorchFormat);
}
