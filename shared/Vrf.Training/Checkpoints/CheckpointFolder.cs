using System.Globalization;
using System.Text.Json;
using TorchSharp.Modules;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Training.Checkpoints;

/// <summary>
/// A job's checkpoints: <c>checkpoint-&lt;step&gt;/</c> folders holding <c>state.json</c>, the trained parameters
/// (<c>weights.safetensors</c>) and the optimizer's state (<c>optimizer.bin</c>, AdamW's moments and step counts in
/// TorchSharp's format). A checkpoint is written into a hidden folder and renamed into place, so it is whole or absent
/// (a write the disk refuses, full or read-only, removes the hidden folder and fails naming this folder and the cause);
/// older ones are removed once a newer one is in place.
/// </summary>
internal sealed class CheckpointFolder(string path)
{
    private const string Prefix = "checkpoint-";
    private const string StateFile = "state.json";
    internal const string WeightsFile = "weights.safetensors";
    internal const string OptimizerFile = "optimizer.bin";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The newest checkpoint, or null when there is none.</summary>
    /// <exception cref="CheckpointMismatchException">It was written by another job, or is unreadable.</exception>
    public SavedCheckpoint? Newest(string fingerprint)
    {
        if (!Directory.Exists(Path))
        {
            return null;
        }
        var saved = Directory.EnumerateDirectories(Path, Prefix + "*")
            .Select(folder => (Folder: folder, Step: ParseStep(System.IO.Path.GetFileName(folder))))
            .Where(entry => entry.Step is not null)
            .ToList();
        if (saved.Count == 0)
        {
            return null;
        }
        var newest = saved.MaxBy(entry => entry.Step);
        var state = ReadState(newest.Folder);
        return state.Fingerprint == fingerprint
            ? new SavedCheckpoint(newest.Folder, state)
            : throw new CheckpointMismatchException(
                $"The checkpoint folder '{Path}' holds a checkpoint (step {state.Step}) of another job, or of this job with other " +
                "settings, base version or training images; it cannot be resumed. Delete the folder or give the job its own.");
    }

    /// <summary>Writes a checkpoint of <paramref name="weights"/> and <paramref name="optimizer"/> at <paramref name="state"/>'s step.</summary>
    public void Save(CheckpointState state, IEnumerable<(string Name, Tensor Tensor)> weights, OptimizerHelper? optimizer)
    {
        Directory.CreateDirectory(Path);
        var partial = System.IO.Path.Combine(Path, $".partial-{Guid.NewGuid():N}");
        var target = System.IO.Path.Combine(Path, Prefix + state.Step.ToString("D12", CultureInfo.InvariantCulture));
        try
        {
            Directory.CreateDirectory(partial);
            SafeTensorsWriter.Write(System.IO.Path.Combine(partial, WeightsFile), weights.Select(w => KeyValuePair.Create(w.Name, w.Tensor)));
            optimizer?.save_state_dict(System.IO.Path.Combine(partial, OptimizerFile));
            File.WriteAllText(System.IO.Path.Combine(partial, StateFile), JsonSerializer.Serialize(state, Json));
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.Move(partial, target);
        }
        catch (Exception e)
        {
            RemovePartial(partial);
            if (e is IOException written)
            {
                throw new IOException($"The checkpoint of step {state.Step} cannot be written into '{Path}': {written.Message}", written);
            }
            throw;
        }
        foreach (var older in Directory.EnumerateDirectories(Path, Prefix + "*")
                     .Where(folder => ParseStep(System.IO.Path.GetFileName(folder)) < state.Step))
        {
            Directory.Delete(older, recursive: true);
        }
    }

    /// <summary>Removes a checkpoint that failed half-way; if even that fails (the disk turned read-only), the hidden
    /// folder stays, never read as a checkpoint, and the write's own failure is the one reported.</summary>
    private static void RemovePartial(string partial)
    {
        try
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
        catch (IOException)
        {
            // Reported by the caller: the write's own failure.
        }
    }

    private static CheckpointState ReadState(string folder)
    {
        var file = System.IO.Path.Combine(folder, StateFile);
        try
        {
            var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(file), Json);
            return state is { Schema: CheckpointState.CurrentSchema }
                ? state
                : throw new CheckpointMismatchException($"Checkpoint '{folder}' is not of the schema {CheckpointState.CurrentSchema}: delete it.");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new CheckpointMismatchException($"Checkpoint '{folder}' cannot be read ({e.Message}): delete it.");
        }
    }

    private static long? ParseStep(string? name) =>
        name is not null && name.StartsWith(Prefix, StringComparison.Ordinal)
        && long.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            ? step
            : null;
}
