namespace Vrf.Training.Checkpoints;

/// <summary>A checkpoint on disk and its state.</summary>
internal sealed record SavedCheckpoint(string Folder, CheckpointState State)
{
    public string WeightsPath => System.IO.Path.Combine(Folder, CheckpointFolder.WeightsFile);

    public string OptimizerPath => System.IO.Path.Combine(Folder, CheckpointFolder.OptimizerFile);

    public bool HasOptimizerState => File.Exists(OptimizerPath);
}
